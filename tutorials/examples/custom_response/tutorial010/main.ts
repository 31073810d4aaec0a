import { FastAPI, HTMLResponse } from "fastapi-ts";

export const app = new FastAPI({ responseClass: HTMLResponse });

app.get("/items/", async function read_items() {
  return "<h1>Items</h1><p>This is a list of items.</p>";
});
