/**
 * HTTP status codes by name, as FastAPI's `status` module (Starlette's) spells them.
 *
 * @example
 * ```ts
 * app.post("/items/", { statusCode: status.HTTP_201_CREATED }, createItem);
 * ```
 */
const phrases = {
  100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints",
  200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
  205: "Reset Content", 206: "Partial Content", 207: "Multi-Status", 208: "Already Reported", 226: "IM Used",
  300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
  305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect",
  400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
  405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout",
  409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
  414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable", 417: "Expectation Failed",
  418: "I'm a Teapot", 421: "Misdirected Request", 422: "Unprocessable Content", 423: "Locked", 424: "Failed Dependency",
  425: "Too Early", 426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
  431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
  500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
  504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates", 507: "Insufficient Storage",
  508: "Loop Detected", 510: "Not Extended", 511: "Network Authentication Required",
} as const satisfies Record<number, string>;

/** The standard reason phrase of a status code (`404` → `"Not Found"`), or `""` when unknown. */
export function statusPhrase(code: number): string {
  return (phrases as Record<number, string>)[code] ?? "";
}

function constName(code: number, phrase: string): string {
  return `HTTP_${code}_${phrase.toUpperCase().replace(/'/g, "").replace(/[^A-Z0-9]+/g, "_")}`;
}

type Upper<S extends string> = Uppercase<S>;
type Clean<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Clean<B>}`
  : S extends `${infer A} ${infer B}` ? `${A}_${Clean<B>}` : S extends `${infer A}'${infer B}` ? `${A}${Clean<B>}` : S;
type StatusNames = { readonly [K in keyof typeof phrases as `HTTP_${K}_${Clean<Upper<(typeof phrases)[K]>>}`]: K };

/** WebSocket close codes, as Starlette's `status` names them. */
const wsCodes = {
  WS_1000_NORMAL_CLOSURE: 1000, WS_1001_GOING_AWAY: 1001, WS_1002_PROTOCOL_ERROR: 1002, WS_1003_UNSUPPORTED_DATA: 1003,
  WS_1005_NO_STATUS_RCVD: 1005, WS_1006_ABNORMAL_CLOSURE: 1006, WS_1007_INVALID_FRAME_PAYLOAD_DATA: 1007,
  WS_1008_POLICY_VIOLATION: 1008, WS_1009_MESSAGE_TOO_BIG: 1009, WS_1010_MANDATORY_EXT: 1010,
  WS_1011_INTERNAL_ERROR: 1011, WS_1012_SERVICE_RESTART: 1012, WS_1013_TRY_AGAIN_LATER: 1013, WS_1014_BAD_GATEWAY: 1014,
  WS_1015_TLS_HANDSHAKE: 1015,
} as const;

/** Named HTTP status codes (`status.HTTP_404_NOT_FOUND === 404`) and WebSocket close codes (`status.WS_1008_POLICY_VIOLATION`). */
export const status: StatusNames & typeof wsCodes & { readonly HTTP_413_REQUEST_ENTITY_TOO_LARGE: 413; readonly HTTP_422_UNPROCESSABLE_ENTITY: 422 } = (() => {
  const out: Record<string, number> = { ...wsCodes };
  for (const [code, phrase] of Object.entries(phrases)) out[constName(Number(code), phrase)] = Number(code);
  out.HTTP_413_REQUEST_ENTITY_TOO_LARGE = 413;
  out.HTTP_422_UNPROCESSABLE_ENTITY = 422;
  return Object.freeze(out) as never;
})();
