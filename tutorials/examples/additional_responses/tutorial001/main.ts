import { FastAPI, JSONResponse } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  id: z.string(),
  value: z.string(),
}).meta({ id: "Item" });

const Message = z.object({
  message: z.string(),
}).meta({ id: "Message" });

export const app = new FastAPI();

app.get("/items/{item_id}", {
  params: { item_id: z.string() },
  responseModel: Item,
  responses: { 404: { model: Message } },
}, async function read_item({ item_id }) {
  if (item_id === "foo") {
    return { id: "foo", value: "there goes my hero" };
  }
  return new JSONResponse({ message: "Item not found" }, { statusCode: 404 });
});
