import { APIRoute, APIRouter, FastAPI, Request } from "fastapi-ts";

// A route that measures how long its operation takes and reports it in a header.
class TimedRoute extends APIRoute {
  override getRouteHandler() {
    const originalRouteHandler = super.getRouteHandler();
    return async (request: Request) => {
      const before = performance.now();
      const response = await originalRouteHandler(request);
      const duration = (performance.now() - before) / 1000;
      response.headers.set("X-Response-Time", String(duration));
      console.log(`route duration: ${duration}`);
      console.log(`route response headers: ${JSON.stringify(Object.fromEntries(response.headers))}`);
      return response;
    };
  }
}

export const app = new FastAPI();
const router = new APIRouter({ routeClass: TimedRoute });

app.get("/", async function not_timed() {
  return { message: "Not timed" };
});

router.get("/timed", async function timed() {
  return { message: "It's the time of my life" };
});

app.includeRouter(router);
