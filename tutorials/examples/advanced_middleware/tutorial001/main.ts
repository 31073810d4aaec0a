import { FastAPI, HTTPSRedirectMiddleware } from "fastapi-ts";

export const app = new FastAPI();

app.addMiddleware(HTTPSRedirectMiddleware);

app.get("/", {}, async function main() {
  return { message: "Hello World" };
});
