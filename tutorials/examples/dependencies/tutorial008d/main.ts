import { Depends, FastAPI, HTTPException } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

export class InternalError extends Error {}

function* get_username() {
  try {
    yield "Rick";
  } catch (e) {
    if (e instanceof InternalError) {
      console.log("We don't swallow the internal error here, we throw it again 😎");
    }
    throw e;
  }
}

app.get("/items/{item_id}", { params: { item_id: z.string(), username: Depends(get_username) } }, function get_item(
  { item_id, username },
) {
  if (item_id === "portal-gun") {
    throw new InternalError(`The portal gun is too dangerous to be owned by ${username}`);
  }
  if (item_id !== "plumbus") {
    throw new HTTPException(404, { detail: "Item not found, there's only a plumbus here" });
  }
  return item_id;
});
