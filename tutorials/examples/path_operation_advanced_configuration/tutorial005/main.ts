import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", { openapiExtra: { "x-aperture-labs-portal": "blue" } }, async function read_items() {
  return [{ item_id: "portal-gun" }];
});
