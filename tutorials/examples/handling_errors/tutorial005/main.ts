import { FastAPI, JSONResponse, Request, RequestValidationError, jsonableEncoder } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.exceptionHandler(RequestValidationError, async function validation_exception_handler(request: Request, exc: RequestValidationError) {
  return new JSONResponse(
    jsonableEncoder({ detail: exc.errors(), body: exc.body }),
    { status: 422 },
  );
});

const Item = z.object({
  title: z.string(),
  size: z.int(),
}).meta({ id: "Item" });

app.post("/items/", { params: { item: Item } }, async function create_item({ item }) {
  return item;
});
