import { Body, FastAPI, JSONResponse, status } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const items: Record<string, { name: string | null; size: number | null }> = {
  foo: { name: "Fighters", size: 6 },
  bar: { name: "Tenders", size: 3 },
};

app.put("/items/{item_id}", {
  params: {
    item_id: z.string(),
    name: Body(z.string().nullable().default(null)),
    size: Body(z.int().nullable().default(null)),
  },
}, async function upsert_item({ item_id, name, size }) {
  const existing = items[item_id];
  if (existing) {
    existing.name = name;
    existing.size = size;
    return existing;
  }
  const item = { name, size };
  items[item_id] = item;
  return new JSONResponse(item, { statusCode: status.HTTP_201_CREATED });
});
