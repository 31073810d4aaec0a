import {
  FastAPI,
  HTTPException,
  Request,
  RequestValidationError,
  httpExceptionHandler,
  requestValidationExceptionHandler,
} from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.exceptionHandler(HTTPException, async function custom_http_exception_handler(request: Request, exc: HTTPException) {
  console.log(`OMG! An HTTP error!: ${exc.statusCode} ${JSON.stringify(exc.detail)}`);
  return httpExceptionHandler(request, exc);
});

app.exceptionHandler(RequestValidationError, async function validation_exception_handler(request: Request, exc: RequestValidationError) {
  console.log(`OMG! The client sent invalid data!: ${JSON.stringify(exc.errors())}`);
  return requestValidationExceptionHandler(request, exc);
});

app.get("/items/{item_id}", { params: { item_id: z.int() } }, async function read_item({ item_id }) {
  if (item_id === 3) {
    throw new HTTPException(418, { detail: "Nope! I don't like 3." });
  }
  return { item_id };
});
