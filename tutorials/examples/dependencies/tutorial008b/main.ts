import { Depends, FastAPI, HTTPException } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const data: Record<string, { description: string; owner: string }> = {
  plumbus: { description: "Freshly pickled plumbus", owner: "Morty" },
  "portal-gun": { description: "Gun to create portals", owner: "Rick" },
};

class OwnerError extends Error {}

function* get_username() {
  try {
    yield "Rick";
  } catch (e) {
    if (e instanceof OwnerError) {
      throw new HTTPException(400, { detail: `Owner error: ${e.message}` });
    }
    throw e;
  }
}

app.get("/items/{item_id}", { params: { item_id: z.string(), username: Depends(get_username) } }, function get_item(
  { item_id, username },
) {
  const item = data[item_id];
  if (!item) {
    throw new HTTPException(404, { detail: "Item not found" });
  }
  if (item.owner !== username) {
    throw new OwnerError(username);
  }
  return item;
});
