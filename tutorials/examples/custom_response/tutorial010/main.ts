import { FastAPI, JSONResponse } from "fastapi-ts";

export const app = new FastAPI({ responseClass: JSONResponse });

app.get("/items/", {}, async function read_items() {
  return [{ item_id: "Foo" }];
});
