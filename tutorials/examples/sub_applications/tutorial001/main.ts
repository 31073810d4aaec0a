import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/app", function read_main() {
  return { message: "Hello World from main app" };
});

const subapi = new FastAPI();

subapi.get("/sub", function read_sub() {
  return { message: "Hello World from sub API" };
});

app.mount("/subapi", subapi);
