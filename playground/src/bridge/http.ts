// Requests and responses cross a MessagePort as plain data: Request and Response are not
// structured-cloneable. Bodies travel as ArrayBuffers and are transferred, not copied.

/** A request as it crosses a MessagePort. */
export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** A response as it crosses a MessagePort. */
export interface WireResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** What answers a request sent over a MessagePort: the response, or why there is none. */
export type WireAnswer = { ok: true; response: WireResponse } | { ok: false; error: string };

const BODYLESS = new Set(["GET", "HEAD"]);

export async function requestToWire(request: Request): Promise<WireRequest> {
  const body = BODYLESS.has(request.method) ? null : await request.arrayBuffer();
  return { method: request.method, url: request.url, headers: [...request.headers], body: body && body.byteLength ? body : null };
}

export function wireToRequest(wire: WireRequest): Request {
  return new Request(wire.url, { method: wire.method, headers: wire.headers, body: wire.body });
}

export async function responseToWire(response: Response): Promise<WireResponse> {
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body: await response.arrayBuffer() };
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

export function wireToResponse(wire: WireResponse): Response {
  const body = NULL_BODY_STATUS.has(wire.status) ? null : wire.body;
  return new Response(body, { status: wire.status, statusText: wire.statusText, headers: wire.headers });
}
