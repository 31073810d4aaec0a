import { FastAPI } from "fastapi-ts";

export const app = new FastAPI({ docsUrl: "/documentation", redocUrl: null });

app.get("/items/", async function read_items() {
  return [{ name: "Foo" }];
});
