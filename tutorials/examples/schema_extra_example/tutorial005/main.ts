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
      openapiExamples: {
        normal: {
          summary: "A normal example",
          description: "A **normal** item works correctly.",
          value: {
            name: "Foo",
            description: "A very nice Item",
            price: 35.4,
            tax: 3.2,
          },
        },
        converted: {
          summary: "An example with converted data",
          description: "fastapi-ts can convert price `strings` to actual `numbers` automatically",
          value: {
            name: "Bar",
            price: "35.4",
          },
        },
        invalid: {
          summary: "Invalid data is rejected with an error",
          value: {
            name: "Baz",
            price: "thirty five point four",
          },
        },
      },
    }),
  },
}, async function update_item({ item_id, item }) {
  const results = { item_id, item };
  return results;
});
