import { EventSourceResponse, FastAPI, ServerSentEvent } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  price: z.number(),
}).meta({ id: "Item" });
type Item = z.infer<typeof Item>;

const items: Item[] = [
  { name: "Plumbus", price: 32.99 },
  { name: "Portal Gun", price: 999.99 },
  { name: "Meeseeks Box", price: 49.99 },
];

app.get("/items/stream", { responseClass: EventSourceResponse }, async function* stream_items() {
  yield new ServerSentEvent({ comment: "stream of item updates" });
  for (const [i, item] of items.entries()) {
    yield new ServerSentEvent({ data: item, event: "item_update", id: String(i + 1), retry: 5000 });
  }
});
