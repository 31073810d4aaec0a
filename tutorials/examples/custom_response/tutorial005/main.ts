import { FastAPI, PlainTextResponse } from "fastapi-ts";

export const app = new FastAPI();

app.get("/", { responseClass: PlainTextResponse }, async function main() {
  return "Hello World";
});
