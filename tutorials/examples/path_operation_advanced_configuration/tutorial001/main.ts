import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", { operationId: "some_specific_id_you_define" }, async function read_items() {
  return [{ item_id: "Foo" }];
});
