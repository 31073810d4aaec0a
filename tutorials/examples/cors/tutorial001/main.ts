import { CORSMiddleware, FastAPI } from "fastapi-ts";

export const app = new FastAPI();

const origins = [
  "http://localhost.tiangolo.com",
  "https://localhost.tiangolo.com",
  "http://localhost",
  "http://localhost:8080",
];

app.addMiddleware(CORSMiddleware, {
  allowOrigins: origins,
  allowCredentials: true,
  allowMethods: ["*"],
  allowHeaders: ["*"],
});

app.get("/", async function main() {
  return { message: "Hello World" };
});
