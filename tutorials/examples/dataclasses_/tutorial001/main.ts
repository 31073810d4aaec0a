import { FastAPI } from "fastapi-ts";
import { z } from "zod";

// A plain TypeScript type, as the rest of a codebase may already have it.
interface Item {
  name: string;
  price: number;
  description?: string | null;
  tax?: number | null;
}

// Its schema, for validation and the docs; `satisfies` makes the compiler check that the two agree.
const Item = z.object({
  name: z.string(),
  price: z.number(),
  description: z.string().nullable().default(null),
  tax: z.number().nullable().default(null),
}).meta({ id: "Item" }) satisfies z.ZodType<Item>;

export const app = new FastAPI();

app.post("/items/", { params: { item: Item } }, async function create_item({ item }): Promise<Item> {
  return item;
});
