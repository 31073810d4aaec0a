import { EventSourceResponse, FastAPI, Header, ServerSentEvent } from "fastapi-ts";
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

app.get("/items/stream", {
  responseClass: EventSourceResponse,
  params: { last_event_id: Header(z.int().nullable().default(null)) },
}, async function* stream_items({ last_event_id }) {
  const start = last_event_id !== null ? last_event_id + 1 : 0;
  for (const [i, item] of items.entries()) {
    if (i < start) continue;
    yield new ServerSentEvent({ data: item, id: String(i) });
  }
});
