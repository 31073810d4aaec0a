import { FastAPI, HTTPException, PlainTextResponse, Request, RequestValidationError } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.exceptionHandler(HTTPException, async function http_exception_handler(request: Request, exc: HTTPException) {
  return new PlainTextResponse(String(exc.detail), { status: exc.statusCode });
});

// An error's `loc` written as Python writes the tuple FastAPI's handler prints: ('path', 'item_id').
function locText(loc: readonly (string | number)[]): string {
  const parts = loc.map((part) => (typeof part === "number" ? String(part) : `'${part}'`));
  return `(${parts.join(", ")}${parts.length === 1 ? "," : ""})`;
}

app.exceptionHandler(RequestValidationError, async function validation_exception_handler(request: Request, exc: RequestValidationError) {
  let message = "Validation errors:";
  for (const error of exc.errors()) {
    message += `\nField: ${locText(error.loc)}, Error: ${error.msg}`;
  }
  return new PlainTextResponse(message, { status: 400 });
});

app.get("/items/{item_id}", { params: { item_id: z.int() } }, async function read_item({ item_id }) {
  if (item_id === 3) {
    throw new HTTPException(418, { detail: "Nope! I don't like 3." });
  }
  return { item_id };
});
