import { FastAPI, JSONResponse, Request } from "fastapi-ts";
import { z } from "zod";

class UnicornException extends Error {
  readonly unicornName: string;
  constructor(name: string) {
    super(`Unicorn ${name} did something`);
    this.unicornName = name;
  }
}

export const app = new FastAPI();

app.exceptionHandler(UnicornException, async function unicorn_exception_handler(request: Request, exc: UnicornException) {
  return new JSONResponse(
    { message: `Oops! ${exc.unicornName} did something. There goes a rainbow...` },
    { status: 418 },
  );
});

app.get("/unicorns/{name}", { params: { name: z.string() } }, async function read_unicorn({ name }) {
  if (name === "yolo") {
    throw new UnicornException(name);
  }
  return { unicorn_name: name };
});
