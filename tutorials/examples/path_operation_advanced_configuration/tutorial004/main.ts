import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.set(z.string()).default(new Set()),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.post("/items/", {
  params: { item: Item },
  responseModel: Item,
  summary: "Create an item",
  description: `Create an item with all the information:

- **name**: each item must have a name
- **description**: a long description
- **price**: required
- **tax**: if the item doesn't have tax, you can omit this
- **tags**: a set of unique tag strings for this item
\f
@param item User input.`,
}, async function create_item({ item }) {
  return item;
});
