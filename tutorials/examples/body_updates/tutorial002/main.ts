import { FastAPI, excludeUnset, jsonableEncoder } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string().nullable().default(null),
  description: z.string().nullable().default(null),
  price: z.number().nullable().default(null),
  tax: z.number().default(10.5),
  tags: z.array(z.string()).default([]),
}).meta({ id: "Item" });
type Item = z.output<typeof Item>;

const items: Record<string, unknown> = {
  foo: { name: "Foo", price: 50.2 },
  bar: { name: "Bar", description: "The bartenders", price: 62, tax: 20.2 },
  baz: { name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] },
};

export const app = new FastAPI();

app.get("/items/{item_id}", { params: { item_id: z.string() }, responseModel: Item }, async function read_item({ item_id }) {
  return items[item_id];
});

app.patch("/items/{item_id}", { params: { item_id: z.string(), item: Item }, responseModel: Item },
  async function update_item({ item_id, item }): Promise<Item> {
    const stored_item_data = items[item_id];
    const stored_item_model = Item.parse(stored_item_data);
    const update_data = excludeUnset(item);
    const updated_item = Item.parse({ ...stored_item_model, ...update_data });
    items[item_id] = jsonableEncoder(updated_item);
    return updated_item;
  });
