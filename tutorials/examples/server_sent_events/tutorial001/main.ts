import { EventSourceResponse, FastAPI } from "fastapi-ts";
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

app.get("/items/stream", { responseClass: EventSourceResponse, responseModel: Item }, async function* sse_items() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async", { responseClass: EventSourceResponse, responseModel: Item }, function* sse_items_no_async() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-annotation", { responseClass: EventSourceResponse }, async function* sse_items_no_annotation() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async-no-annotation", { responseClass: EventSourceResponse }, function* sse_items_no_async_no_annotation() {
  for (const item of items) {
    yield item;
  }
});
