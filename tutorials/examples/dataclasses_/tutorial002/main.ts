import { FastAPI } from "fastapi-ts";
import { z } from "zod";

interface Item {
  name: string;
  price: number;
  tags?: string[];
  description?: string | null;
  tax?: number | null;
}

const Item = z.object({
  name: z.string(),
  price: z.number(),
  tags: z.array(z.string()).default(() => []),
  description: z.string().nullable().default(null),
  tax: z.number().nullable().default(null),
}).meta({ id: "Item" }) satisfies z.ZodType<Item>;

export const app = new FastAPI();

app.get("/items/next", { responseModel: Item }, async function read_next_item() {
  return {
    name: "Island In The Moon",
    price: 12.99,
    description: "A place to be playin' and havin' fun",
    tags: ["breater"],
  };
});
