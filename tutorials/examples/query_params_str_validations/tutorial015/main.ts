import { FastAPI, Query } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const data: Record<string, string> = {
  "isbn-9781529046137": "The Hitchhiker's Guide to the Galaxy",
  "imdb-tt0371724": "The Hitchhiker's Guide to the Galaxy",
  "isbn-9781439512982": "Isaac Asimov: The Complete Stories, Vol. 2",
};

function check_valid_id(id: string): boolean {
  return id.startsWith("isbn-") || id.startsWith("imdb-");
}

const ItemId = z.string().refine(check_valid_id, 'Invalid ID format, it must start with "isbn-" or "imdb-"');

app.get("/items/", {
  params: { id: Query(ItemId.nullable().default(null)) },
}, async function read_items({ id }) {
  let item: string | null;
  if (id) {
    item = data[id] ?? null;
  } else {
    const entries = Object.entries(data);
    [id, item] = entries[Math.floor(Math.random() * entries.length)]!;
  }
  return { id, name: item };
});
