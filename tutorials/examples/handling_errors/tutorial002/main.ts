import { FastAPI, HTTPException } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const items: Record<string, string> = { foo: "The Foo Wrestlers" };

app.get("/items-header/{item_id}", { params: { item_id: z.string() } }, async function read_item_header({ item_id }) {
  if (!(item_id in items)) {
    throw new HTTPException(404, {
      detail: "Item not found",
      headers: { "X-Error": "There goes my error" },
    });
  }
  return { item: items[item_id] };
});
