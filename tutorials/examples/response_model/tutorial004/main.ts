import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().default(10.5),
  tags: z.array(z.string()).default([]),
}).meta({ id: "Item" });

const items: Record<string, Record<string, unknown>> = {
  foo: { name: "Foo", price: 50.2 },
  bar: { name: "Bar", description: "The bartenders", price: 62, tax: 20.2 },
  baz: { name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] },
};

export const app = new FastAPI();

app.get("/items/{item_id}", { params: { item_id: z.string() }, responseModel: Item, responseModelExcludeUnset: true },
  async function read_item({ item_id }) {
    return items[item_id];
  });
