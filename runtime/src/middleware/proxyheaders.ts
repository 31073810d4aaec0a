import type { Address } from "../request.ts";

/** Options of {@link applyProxyHeaders}. */
export interface ProxyHeadersOptions {
  /** Peers whose `X-Forwarded-*` headers are believed: IP addresses, or `"*"` for any (default `["127.0.0.1"]`). */
  forwardedAllowIps?: readonly string[] | "*";
}

function normalizeIp(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

/**
 * Applies `X-Forwarded-Proto` (the URL scheme) and `X-Forwarded-For` (the client address) sent by a trusted proxy,
 * as uvicorn's `--proxy-headers` does. Returns the URL and client to build the request with.
 */
export function applyProxyHeaders(url: string, headers: Headers, client: Address | null, options: ProxyHeadersOptions = {}):
  { url: string; client: Address | null } {
  const trusted = options.forwardedAllowIps ?? ["127.0.0.1"];
  const peer = client ? normalizeIp(client.host) : null;
  const trustAll = trusted === "*" || trusted.includes("*");
  if (!trustAll && (peer === null || !(trusted as readonly string[]).map(normalizeIp).includes(peer))) return { url, client };
  let outUrl = url;
  const proto = headers.get("x-forwarded-proto");
  if (proto) {
    const scheme = proto.split(",")[0]!.trim().toLowerCase();
    const isWs = /^wss?:/.test(url);
    const mapped = isWs ? (scheme === "https" || scheme === "wss" ? "wss" : "ws") : scheme === "wss" ? "https" : scheme === "ws" ? "http" : scheme;
    if (/^(https?|wss?)$/.test(mapped)) outUrl = url.replace(/^[a-z]+:/, `${mapped}:`);
  }
  let outClient = client;
  const fwd = headers.get("x-forwarded-for");
  if (fwd) {
    const hosts = fwd.split(",").map((h) => h.trim()).filter(Boolean);
    // The first address from the right that is not a trusted proxy is the client.
    let host = hosts[0];
    if (!trustAll) {
      for (let i = hosts.length - 1; i >= 0; i--) {
        if (!(trusted as readonly string[]).includes(hosts[i]!)) {
          host = hosts[i];
          break;
        }
      }
    }
    if (host) outClient = { host, port: 0 };
  }
  return { url: outUrl, client: outClient };
}
