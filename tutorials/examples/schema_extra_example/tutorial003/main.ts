import { Body, FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.put("/items/{item_id}", {
  params: {
    item_id: z.int(),
    item: Body(Item, {
      examples: [
        {
          name: "Foo",
          description: "A very nice Item",
          price: 35.4,
          tax: 3.2,
        },
      ],
    }),
  },
}, async function update_item({ item_id, item }) {
  const results = { item_id, item };
  return results;
});
