import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", { includeInSchema: false }, async function read_items() {
  return [{ item_id: "Foo" }];
});
