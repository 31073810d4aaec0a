import { APIRoute, Body, FastAPI, Request } from "fastapi-ts";
import { z } from "zod";

// A request whose body() decompresses gzip bodies; other bodies are returned as they are.
export class GzipRequest extends Request {
  override async body(): Promise<Uint8Array> {
    const body = await super.body();
    if (!(this.headers.get("content-encoding") ?? "").includes("gzip")) return body;
    const inflated = new Blob([body as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(inflated).arrayBuffer());
  }
}

// A route that hands its operation a GzipRequest instead of the request it received.
class GzipRoute extends APIRoute {
  override getRouteHandler() {
    const originalRouteHandler = super.getRouteHandler();
    return async (request: Request) => originalRouteHandler(new GzipRequest(request));
  }
}

export const app = new FastAPI({ routeClass: GzipRoute });

app.post("/sum", {
  params: { numbers: Body(z.array(z.int())) },
}, async function sum_numbers({ numbers }) {
  return { sum: numbers.reduce((total, n) => total + n, 0) };
});
