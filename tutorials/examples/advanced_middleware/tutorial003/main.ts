import { FastAPI, GZipMiddleware } from "fastapi-ts";

export const app = new FastAPI();

app.addMiddleware(GZipMiddleware, { minimumSize: 1000, compresslevel: 5 });

app.get("/", {}, async function main() {
  return "somebigcontent";
});
