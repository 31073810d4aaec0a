import { APIRoute, Body, FastAPI, HTTPException, Request, RequestValidationError } from "fastapi-ts";
import { z } from "zod";

// A route that answers a validation error with the errors and the body that caused them.
class ValidationErrorLoggingRoute extends APIRoute {
  override getRouteHandler() {
    const originalRouteHandler = super.getRouteHandler();
    return async (request: Request) => {
      try {
        return await originalRouteHandler(request);
      } catch (exc) {
        if (!(exc instanceof RequestValidationError)) throw exc;
        // The body was already read to validate it; reading it again returns the same bytes.
        const body = await request.text();
        throw new HTTPException(422, { detail: { errors: exc.errors(), body } });
      }
    };
  }
}

export const app = new FastAPI({ routeClass: ValidationErrorLoggingRoute });

app.post("/", {
  params: { numbers: Body(z.array(z.int())) },
}, async function sum_numbers({ numbers }) {
  return numbers.reduce((total, n) => total + n, 0);
});
