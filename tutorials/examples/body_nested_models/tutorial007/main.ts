import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Image = z.object({
  url: z.url({ protocol: /^https?$/ }).min(1).max(2083),
  name: z.string(),
}).meta({ id: "Image" });

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.set(z.string()).default(new Set()),
  images: z.array(Image).nullable().default(null),
}).meta({ id: "Item" });

const Offer = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  items: z.array(Item),
}).meta({ id: "Offer" });

export const app = new FastAPI();

app.post("/offers/", { params: { offer: Offer } }, async function create_offer({ offer }) {
  return offer;
});
