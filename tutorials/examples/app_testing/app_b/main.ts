import { FastAPI, Header, HTTPException } from "fastapi-ts";
import { z } from "zod";

const fake_secret_token = "coneofsilence";

const fake_db: Record<string, { id: string; title: string; description: string | null }> = {
  foo: { id: "foo", title: "Foo", description: "There goes my hero" },
  bar: { id: "bar", title: "Bar", description: "The bartenders" },
};

export const app = new FastAPI();

const Item = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable().default(null),
}).meta({ id: "Item" });

app.get("/items/{item_id}", {
  responseModel: Item,
  params: { item_id: z.string(), x_token: Header(z.string()) },
}, async function read_main({ item_id, x_token }) {
  if (x_token !== fake_secret_token) {
    throw new HTTPException(400, { detail: "Invalid X-Token header" });
  }
  if (!Object.hasOwn(fake_db, item_id)) {
    throw new HTTPException(404, { detail: "Item not found" });
  }
  return fake_db[item_id];
});

app.post("/items/", {
  responseModel: Item,
  params: { item: Item, x_token: Header(z.string()) },
}, async function create_item({ item, x_token }) {
  if (x_token !== fake_secret_token) {
    throw new HTTPException(400, { detail: "Invalid X-Token header" });
  }
  if (Object.hasOwn(fake_db, item.id)) {
    throw new HTTPException(409, { detail: "Item already exists" });
  }
  fake_db[item.id] = item;
  return item;
});
