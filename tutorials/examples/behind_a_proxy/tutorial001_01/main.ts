import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", function read_items() {
  return ["plumbus", "portal gun"];
});
