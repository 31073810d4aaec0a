import { FastAPI, TrustedHostMiddleware } from "fastapi-ts";

export const app = new FastAPI();

app.addMiddleware(TrustedHostMiddleware, { allowedHosts: ["example.com", "*.example.com"] });

app.get("/", {}, async function main() {
  return { message: "Hello World" };
});
