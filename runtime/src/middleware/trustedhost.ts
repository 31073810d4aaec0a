import { parseHost } from "../host.ts";
import type { Request } from "../request.ts";
import { PlainTextResponse, RedirectResponse, type Response } from "../responses.ts";
import type { Dispatch, MiddlewareInstance } from "./base.ts";

/** Options of {@link TrustedHostMiddleware}. */
export interface TrustedHostOptions {
  /** Accepted `Host` names: exact (`example.com`), wildcard subdomains (`*.example.com`) or `*` (default). */
  allowedHosts?: readonly string[];
  /** Redirect `example.com` to `www.example.com` when only the latter is allowed (default `true`). */
  wwwRedirect?: boolean;
}

/**
 * Rejects requests whose `Host` header is not allowed with 400 `Invalid host header` (Starlette's
 * `TrustedHostMiddleware`), guarding against Host header attacks. The name is compared as Starlette compares it:
 * the header without its port (an IPv6 literal without its brackets), exactly; `*.example.com` matches any name
 * ending in `.example.com`. A header that is not a valid `host[:port]` never matches, whatever it ends with.
 */
export class TrustedHostMiddleware implements MiddlewareInstance {
  readonly #app: Dispatch;
  readonly #hosts: readonly string[];
  readonly #allowAny: boolean;
  readonly #wwwRedirect: boolean;

  constructor(app: Dispatch, options: TrustedHostOptions = {}) {
    const hosts = options.allowedHosts ?? ["*"];
    for (const p of hosts) {
      if (p.slice(1).includes("*")) throw new Error("Domain wildcard patterns must be like '*.example.com'.");
      if (p.startsWith("*") && p !== "*" && !p.startsWith("*.")) throw new Error("Domain wildcard patterns must be like '*.example.com'.");
    }
    this.#app = app;
    this.#hosts = hosts;
    this.#allowAny = hosts.includes("*");
    this.#wwwRedirect = options.wwwRedirect !== false;
  }

  async handle(request: Request): Promise<Response> {
    if (this.#allowAny) return this.#app(request);
    const host = parseHost(request.headers.get("host") ?? "")?.hostname;
    let www = false;
    if (host !== undefined) {
      for (const p of this.#hosts) {
        if (host === p || (p.startsWith("*") && host.endsWith(p.slice(1)))) return this.#app(request);
        if (`www.${host}` === p) www = true;
      }
    }
    if (www && this.#wwwRedirect) {
      const url = new URL(request.url);
      url.host = `www.${url.host}`;
      return new RedirectResponse(url.href);
    }
    return new PlainTextResponse("Invalid host header", { status: 400 });
  }
}
