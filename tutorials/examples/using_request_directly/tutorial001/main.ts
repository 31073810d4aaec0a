import { FastAPI, Request } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", { params: { item_id: z.string(), request: Request } }, function read_root({ item_id, request }) {
  const client_host = request.client?.host;
  return { client_host, item_id };
});
