import { Body, FastAPI, JSONResponse, status } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const items = new Map<string, { name: string | null; size: number | null }>([
  ["foo", { name: "Fighters", size: 6 }],
  ["bar", { name: "Tenders", size: 3 }],
]);

app.put("/items/{item_id}", {
  params: {
    item_id: z.string(),
    name: Body(z.string().nullable().default(null)),
    size: Body(z.int().nullable().default(null)),
  },
}, async function upsert_item({ item_id, name, size }) {
  if (items.has(item_id)) {
    const item = items.get(item_id)!;
    item.name = name;
    item.size = size;
    return item;
  }
  const item = { name, size };
  items.set(item_id, item);
  return new JSONResponse(item, { statusCode: status.HTTP_201_CREATED });
});
