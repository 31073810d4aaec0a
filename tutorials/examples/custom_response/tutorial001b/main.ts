import { FastAPI, JSONResponse } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", { responseClass: JSONResponse }, async function read_items() {
  return new JSONResponse([{ item_id: "Foo" }]);
});
