// The request console's model: what the reader typed → a Request; an answer → what the pane shows.

export interface ConsoleRequest {
  method: string;
  /** Path with optional query, e.g. `/items/5?q=x`. */
  path: string;
  /** One `Name: value` per line. */
  headers: string;
  body: string;
}

export interface ConsoleAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  ms: number;
}

/** Parses `Name: value` lines; blank lines and lines without a colon are skipped. */
export function parseHeaderLines(text: string): [string, string][] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.includes(":"))
    .map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as [string, string];
    })
    .filter(([name]) => name.length > 0);
}

export function toRequest(input: ConsoleRequest, origin: string): Request {
  const headers = new Headers(parseHeaderLines(input.headers));
  const hasBody = !["GET", "HEAD"].includes(input.method) && input.body.length > 0;
  if (hasBody && !headers.has("content-type")) headers.set("content-type", "application/json");
  const path = input.path.startsWith("/") ? input.path : `/${input.path}`;
  return new Request(new URL(path, origin), { method: input.method, headers, ...(hasBody ? { body: input.body } : {}) });
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The same request as a curl command against `origin` (where the reader serves the app with Node). */
export function toCurl(input: ConsoleRequest, origin: string): string {
  const request = toRequest(input, origin);
  const parts = ["curl"];
  if (input.method !== "GET") parts.push("-X", input.method);
  parts.push(shellQuote(request.url));
  for (const [name, value] of request.headers) parts.push("-H", shellQuote(`${name}: ${value}`));
  if (!["GET", "HEAD"].includes(input.method) && input.body) parts.push("-d", shellQuote(input.body));
  return parts.join(" ");
}

/** Pretty-prints JSON bodies; other bodies are shown as they came. */
export function formatBody(body: string, contentType: string | null): string {
  if (contentType?.includes("json")) {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return body;
    }
  }
  return body;
}
