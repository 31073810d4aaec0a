import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string().meta({ examples: ["Foo"] }),
  description: z.string().nullable().default(null).meta({ examples: ["A very nice Item"] }),
  price: z.number().meta({ examples: [35.4] }),
  tax: z.number().nullable().default(null).meta({ examples: [3.2] }),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.put("/items/{item_id}", { params: { item_id: z.int(), item: Item } }, async function update_item({ item_id, item }) {
  const results = { item_id, item };
  return results;
});
