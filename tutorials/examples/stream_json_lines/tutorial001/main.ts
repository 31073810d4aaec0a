import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable(),
}).meta({ id: "Item" });

const items = [
  { name: "Plumbus", description: "A multi-purpose household device." },
  { name: "Portal Gun", description: "A portal opening device." },
  { name: "Meeseeks Box", description: "A box that summons a Meeseeks." },
];

app.get("/items/stream", { responseModel: Item }, async function* stream_items() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async", { responseModel: Item }, function* stream_items_no_async() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-annotation", async function* stream_items_no_annotation() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async-no-annotation", function* stream_items_no_async_no_annotation() {
  for (const item of items) {
    yield item;
  }
});
