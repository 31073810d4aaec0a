import { FastAPI, Request } from "fastapi-ts";
import { z } from "zod";

// A TypeScript type: the editor and the compiler use it, and it is gone when the code runs.
interface ItemShape {
  name: string;
  price: number;
}

// A zod schema: a value that checks data when the code runs, and tells the compiler the type of what it accepts.
const Item = z.object({
  name: z.string(),
  price: z.number(),
  tags: z.array(z.string()).default([]),
}).meta({ id: "Item" });

// The type, inferred from the schema: { name: string; price: number; tags: string[] }.
type Item = z.infer<typeof Item>;

export const app = new FastAPI();

function describe_item(item: Item): string {
  return `${item.name.toUpperCase()} costs ${item.price.toFixed(2)}`;
}

app.post("/items/", { params: { item: Item } }, async function create_item({ item }) {
  return { description: describe_item(item), tags: item.tags };
});

app.post("/unchecked-items/", { params: { request: Request } }, async function create_unchecked_item({ request }) {
  // `as ItemShape` is a promise to the compiler, not a check: nothing looks at the body.
  const item = (await request.json()) as ItemShape;
  return { description: `${item.name.toUpperCase()} costs ${item.price.toFixed(2)}` };
});
