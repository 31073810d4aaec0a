import { FastAPI, JSONResponse, datetime, jsonableEncoder } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  title: z.string(),
  timestamp: datetime(),
  description: z.string().nullable().default(null),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.put("/items/{id}", { params: { id: z.string(), item: Item } }, function update_item({ id, item }) {
  const jsonCompatibleItemData = jsonableEncoder(item);
  return new JSONResponse(jsonCompatibleItemData);
});
