import { FastAPI, Response } from "fastapi-ts";

export const app = new FastAPI();

app.get("/headers-and-object/", { params: { response: Response } }, function get_headers({ response }) {
  response.headers.set("X-Cat-Dog", "alone in the world");
  return { message: "Hello World" };
});
