import type { Request } from "../request.ts";
import { RedirectResponse, type Response } from "../responses.ts";
import type { Dispatch, MiddlewareInstance } from "./base.ts";

/** Redirects `http` requests to `https` (307), dropping the default ports (Starlette's `HTTPSRedirectMiddleware`). */
export class HTTPSRedirectMiddleware implements MiddlewareInstance {
  readonly #app: Dispatch;
  constructor(app: Dispatch, _options?: unknown) {
    this.#app = app;
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.protocol !== "http:" && url.protocol !== "ws:") return this.#app(request);
    const port = url.port;
    const target = new URL(url.href.replace(/^(http|ws):/, url.protocol === "http:" ? "https:" : "wss:"));
    if (port === "80" || port === "443" || port === "") target.port = "";
    else target.port = port;
    return new RedirectResponse(target.href, { status: 307 });
  }
}
