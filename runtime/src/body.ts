import { HTTPException, RequestValidationError } from "./exceptions.ts";
import { jsonText, nestsDeeperThan } from "./json-text.ts";
import { bodyInHand, type Request } from "./request.ts";

/** `true` for `application/json` and `application/*+json` content types. */
export function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  // Perf: the usual header, without splitting and lower-casing it.
  if (contentType === "application/json") return true;
  const mt = contentType.split(";", 1)[0]!.trim().toLowerCase();
  if (!mt.startsWith("application/")) return false;
  const sub = mt.slice(12);
  return sub === "json" || sub.endsWith("+json");
}

// Perf: one decoder for every request (`decode()` without `stream` keeps no state between calls); creating a
// TextDecoder per request cost more than decoding a small body.
const utf8 = new TextDecoder();

/** What a JSON-declared body turned out to be: parsed JSON, raw text (not JSON), or nothing. */
export type ReceivedBody = { kind: "json"; value: unknown } | { kind: "raw"; value: string } | { kind: "none" };

/**
 * Reads a body for JSON-declared parameters as FastAPI does (synchronously when the body is already in hand): JSON when the content type says so (a body without
 * a content type is not parsed when `strictContentType`), otherwise the raw text; empty → none.
 */
export function readJsonBody(request: Request, strictContentType: boolean): ReceivedBody | Promise<ReceivedBody> {
  // Perf: a body the adapter already holds is parsed at once (no promise, no microtask turn); otherwise the body's
  // promise is continued directly (no `async` layer).
  const whole = bodyInHand(request);
  if (whole !== undefined) return receivedBody(request, whole, strictContentType);
  return request.body().then((bytes) => receivedBody(request, bytes, strictContentType));
}

function receivedBody(request: Request, bytes: Uint8Array, strictContentType: boolean): ReceivedBody {
  if (bytes.byteLength === 0) return { kind: "none" };
  const contentType = request.header("content-type");
  if (contentType ? isJsonContentType(contentType) : !strictContentType) {
    // FastAPI answers 400 for what Python's `json.loads` fails on other than a syntax error: bytes invalid in their
    // encoding, and nesting past the interpreter's recursion limit.
    let text: string;
    try {
      text = jsonText(bytes);
    } catch {
      throw parsingFailed();
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      if (e instanceof SyntaxError) throw new RequestValidationError([jsonError(text, e.message)], { body: text });
      throw parsingFailed();
    }
    if (nestsDeeperThan(text)) throw parsingFailed();
    return { kind: "json", value };
  }
  return { kind: "raw", value: utf8.decode(bytes) };
}

function parsingFailed(): HTTPException {
  return new HTTPException(400, { detail: "There was an error parsing the body" });
}

const pythonMessages: [RegExp, string][] = [
  [/property name|Expected '}'|Expected double-quoted/i, "Expecting property name enclosed in double quotes"],
  [/Expected ':'|after property name/i, "Expecting ':' delimiter"],
  [/Expected ',' or '}'|after property value/i, "Expecting ',' delimiter"],
  [/Expected ',' or ']'|after array element/i, "Expecting ',' delimiter"],
  [/non-whitespace character after JSON/i, "Extra data"],
  [/Bad control character/i, "Invalid control character at"],
  [/Unterminated string/i, "Unterminated string starting at"],
  [/Bad escaped character|Bad Unicode escape/i, "Invalid \\escape"],
];

/** FastAPI's `json_invalid` error for a body that is not JSON, with Python's wording where it can be inferred. */
export function jsonError(text: string, engineMessage: string): { type: string; loc: (string | number)[]; msg: string; input: unknown; ctx: Record<string, unknown> } {
  const m = /position (\d+)/.exec(engineMessage);
  const pos = m ? Number(m[1]) : /end of (JSON )?input|Unexpected end/i.test(engineMessage) ? text.length : 0;
  const error = pythonMessages.find(([re]) => re.test(engineMessage))?.[1] ?? "Expecting value";
  return { type: "json_invalid", loc: ["body", pos], msg: "JSON decode error", input: {}, ctx: { error } };
}
