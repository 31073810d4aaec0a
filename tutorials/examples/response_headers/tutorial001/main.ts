import { FastAPI, JSONResponse } from "fastapi-ts";

export const app = new FastAPI();

app.get("/headers/", {}, function get_headers() {
  const content = { message: "Hello World" };
  const headers = { "X-Cat-Dog": "alone in the world", "Content-Language": "en-US" };
  return new JSONResponse(content, { headers });
});
