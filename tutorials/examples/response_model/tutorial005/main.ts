import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().default(10.5),
}).meta({ id: "Item" });

const items: Record<string, Record<string, unknown>> = {
  foo: { name: "Foo", price: 50.2 },
  bar: { name: "Bar", description: "The Bar fighters", price: 62, tax: 20.2 },
  baz: {
    name: "Baz",
    description: "There goes my baz",
    price: 50.2,
    tax: 10.5,
  },
};

export const app = new FastAPI();

app.get("/items/{item_id}/name", {
  params: { item_id: z.string() },
  responseModel: Item,
  responseModelInclude: new Set(["name", "description"]),
}, async function read_item_name({ item_id }) {
  return items[item_id];
});

app.get("/items/{item_id}/public", { params: { item_id: z.string() }, responseModel: Item, responseModelExclude: new Set(["tax"]) },
  async function read_item_public_data({ item_id }) {
    return items[item_id];
  });
