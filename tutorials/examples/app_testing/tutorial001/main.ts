import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/", async function read_main() {
  return { msg: "Hello World" };
});
