import { FastAPI, Header } from "fastapi-ts";
import { z } from "zod";

const CommonHeaders = z.strictObject({
  host: z.string(),
  save_data: z.boolean(),
  if_modified_since: z.string().nullable().default(null),
  traceparent: z.string().nullable().default(null),
  x_tag: z.array(z.string()).default([]),
}).meta({ id: "CommonHeaders" });

export const app = new FastAPI();

app.get("/items/", { params: { headers: Header(CommonHeaders) } }, async function read_items({ headers }) {
  return headers;
});
