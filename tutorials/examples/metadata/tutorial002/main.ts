import { FastAPI } from "fastapi-ts";

export const app = new FastAPI({ openapiUrl: "/api/v1/openapi.json" });

app.get("/items/", async function read_items() {
  return [{ name: "Foo" }];
});
