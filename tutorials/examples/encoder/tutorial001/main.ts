import { FastAPI, datetime, jsonableEncoder, type JsonValue } from "fastapi-ts";
import { z } from "zod";

export const fake_db: Record<string, JsonValue> = {};

const Item = z.object({
  title: z.string(),
  timestamp: datetime(),
  description: z.string().nullable().default(null),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.put("/items/{id}", { params: { id: z.string(), item: Item } }, async function update_item({ id, item }) {
  const json_compatible_item_data = jsonableEncoder(item);
  fake_db[id] = json_compatible_item_data;
});
