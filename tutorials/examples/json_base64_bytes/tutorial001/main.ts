import { base64Bytes, FastAPI } from "fastapi-ts";
import { z } from "zod";

const DataInput = z.object({
  description: z.string(),
  data: base64Bytes(),
}).meta({ id: "DataInput" });

const DataOutput = z.object({
  description: z.string(),
  data: base64Bytes(),
}).meta({ id: "DataOutput" });

const DataInputOutput = z.object({
  description: z.string(),
  data: base64Bytes(),
}).meta({ id: "DataInputOutput" });

export const app = new FastAPI();

app.post("/data", { params: { body: DataInput } }, function post_data({ body }) {
  const content = new TextDecoder().decode(body.data);
  return { description: body.description, content };
});

app.get("/data", { responseModel: DataOutput }, function get_data() {
  const data = new TextEncoder().encode("hello");
  return { description: "A plumbus", data };
});

app.post("/data-in-out", { params: { body: DataInputOutput }, responseModel: DataInputOutput }, function post_data_in_out({ body }) {
  return body;
});
