/**
 * The `Host` header, checked before anything builds a URL or compares names with it. A valid header is an RFC 3986
 * `host[:port]`: a registered name or IPv4 address, or a bracketed IPv6 literal, then an optional numeric port.
 * Stricter than RFC 3986 where the WHATWG URL parser (which builds `request.url`) would rewrite the name: no
 * percent-encoding, and the name must survive that parser unchanged in meaning (`1.2.3.999` and broken punycode do
 * not). So `example.com:evil@evil.com`, `evil.com#.example.com`, `x/static/a.txt#` and names with spaces are
 * refused, and a URL built from a valid header always has that host and the request's own path.
 * @packageDocumentation
 */

/** A `Host` header known to be valid, split as Starlette's `TrustedHostMiddleware` splits it. */
export interface HostParts {
  /** The name, without brackets for IPv6 (`example.com`, `127.0.0.1`, `::1`). */
  hostname: string;
  /** The port as sent, or `null` when there is none. */
  port: string | null;
}

// RFC 3986 reg-name without pct-encoded (unreserved / sub-delims), and a port of at most 5 digits.
const regName = /^[A-Za-z0-9\-._~!$&'()*+,;=]+$/;
const ipv6 = /^\[[0-9A-Fa-f:.]+\]$/;
const port = /^:[0-9]{0,5}$/;

// Perf: a server sees few distinct Host values; each is checked (with the URL parser) once. Bounded, so a client
// sending ever-new names cannot grow it.
const known = new Map<string, HostParts | null>();
const KNOWN_MAX = 512;

/**
 * Splits a `Host` header into name and port when it is a valid `host[:port]`; `null` otherwise (answer 400).
 *
 * @example
 * ```ts
 * parseHost("example.com:8000"); // { hostname: "example.com", port: "8000" }
 * parseHost("example.com:evil@evil.com"); // null
 * ```
 */
export function parseHost(value: string): HostParts | null {
  // Perf: nearly every request of a server names the host the one before it did (no hashing of the string).
  if (value === lastValue) return lastParts;
  const cached = known.get(value);
  if (cached !== undefined) return remember(value, cached);
  const parts = check(value);
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(value, parts);
  return remember(value, parts);
}

let lastValue: string | undefined;
let lastParts: HostParts | null = null;

function remember(value: string, parts: HostParts | null): HostParts | null {
  lastValue = value;
  lastParts = parts;
  return parts;
}

function check(value: string): HostParts | null {
  let name: string;
  let rest: string;
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    if (end === -1) return null;
    name = value.slice(0, end + 1);
    rest = value.slice(end + 1);
    if (!ipv6.test(name)) return null;
  } else {
    const colon = value.indexOf(":");
    name = colon === -1 ? value : value.slice(0, colon);
    rest = colon === -1 ? "" : value.slice(colon);
    if (!regName.test(name)) return null;
  }
  if (rest !== "" && (!port.test(rest) || Number(rest.slice(1)) > 65535)) return null;
  // The URL parser must accept the name as it is (IPv4 ranges, IDNA), or `request.url` would throw later.
  if (!URL.canParse(`http://${name}/`)) return null;
  return { hostname: name.startsWith("[") ? name.slice(1, -1) : name, port: rest ? rest.slice(1) : null };
}
