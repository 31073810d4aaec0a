import { FastAPI, FileResponse, MemoryFileSystem, type ResponseSpec } from "fastapi-ts";
import { z } from "zod";

// A one-pixel PNG. On a server this would be a file on disk; the browser has none, so the example keeps its
// image in memory.
const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="), (c) => c.charCodeAt(0));
export const files = new MemoryFileSystem({ "image.png": png });

const Item = z.object({
  id: z.string(),
  value: z.string(),
}).meta({ id: "Item" });

const responses: Record<number, ResponseSpec> = {
  404: { description: "Item not found" },
  302: { description: "The item was moved" },
  403: { description: "Not enough privileges" },
};

export const app = new FastAPI();

app.get("/items/{item_id}", {
  params: { item_id: z.string(), img: z.boolean().nullable().default(null) },
  responseModel: Item,
  responses: { ...responses, 200: { content: { "image/png": {} } } },
}, async function read_item({ item_id, img }) {
  if (img) {
    return new FileResponse("image.png", { mediaType: "image/png", fs: files });
  }
  return { id: "foo", value: "there goes my hero" };
});
