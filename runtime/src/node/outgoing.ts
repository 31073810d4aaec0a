/**
 * Writing a {@link Response} to a Node response. A body that fails after its headers are sent cuts that one
 * connection (no final chunk: the client sees the truncation) and rejects, for the caller to log; nothing is
 * written after the end.
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { statusHasNoBody, untouchedContentType, type Response } from "../responses.ts";

/** A response body that failed after its headers were sent: the connection was closed without the final chunk. */
export class ResponseStreamError extends Error {
  constructor(cause: unknown) {
    super("The response body failed after its headers were sent; the connection was closed", { cause });
    this.name = "ResponseStreamError";
  }
}

/** Waits until the response can take more, or is gone (a `drain` never comes to a closed socket). */
function writable(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * Writes a response whose body is already in hand (none, text or bytes) in full, at once, and returns `true`; returns
 * `false`, having written nothing, for a streamed body (see {@link writeResponse}). Perf: the listener answers most
 * requests through this without a promise.
 */
export function writeWholeResponse(res: ServerResponse, response: Response, head: boolean): boolean {
  const body = response.body;
  if (body !== null && typeof body !== "string" && !(body instanceof Uint8Array)) return false;
  const { flat, hasLength } = headerLines(response);
  const bodiless = statusHasNoBody(response.status);
  const noBody = head || bodiless;
  // Starlette sends no content-length with a 1xx, 204 or 304 (uvicorn then sends no body); HEAD keeps the GET's.
  if (body !== null && !hasLength && !bodiless) {
    flat.push("content-length", String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength));
  } else if (body === null && !noBody && !hasLength) {
    flat.push("content-length", "0");
  }
  res.writeHead(response.status, flat);
  res.end(noBody || body === null ? undefined : body);
  return true;
}

/** The response's headers as Node's flat `[name, value, …]` list, and whether one is `content-length`. */
function headerLines(response: Response): { flat: string[]; hasLength: boolean } {
  // Perf: one pass over the headers notes whether there are cookies and a content-length, instead of
  // `getSetCookie()` and `has()` calls that each walk them again.
  // Perf: a response whose headers were never touched has only its content type: no Web `Headers` to build.
  const type = untouchedContentType(response);
  const flat: string[] = type ? ["content-type", type] : [];
  let hasLength = false;
  if (type === undefined) {
    let cookies = false;
    response.headers.forEach((value, key) => {
      if (key === "set-cookie") cookies = true;
      else {
        if (key === "content-length") hasLength = true;
        flat.push(key, value);
      }
    });
    if (cookies) for (const c of response.headers.getSetCookie()) flat.push("set-cookie", c);
  }
  return { flat, hasLength };
}

/** Writes a {@link Response} to a Node response without building a Web `Response`. */
export async function writeResponse(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  if (writeWholeResponse(res, response, head)) return;
  const body = response.body as ReadableStream<Uint8Array>;
  const noBody = head || statusHasNoBody(response.status);
  const { flat } = headerLines(response);
  res.writeHead(response.status, flat);
  if (noBody) {
    await body.cancel();
    res.end();
    return;
  }
  const reader = body.getReader();
  const onClose = (): void => void reader.cancel().catch(() => {});
  res.once("close", onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await writable(res);
    }
  } catch (error) {
    res.off("close", onClose);
    // The status line is out: the only honest answer left is to cut this connection, so the client sees the body
    // end early instead of a clean (and false) end.
    res.destroy();
    throw new ResponseStreamError(error);
  }
  res.off("close", onClose);
  if (res.destroyed) await reader.cancel().catch(() => {});
  else res.end();
}

/**
 * After answering a request whose body was not read to its end (the app refused it early: too large, too many
 * fields, …): reads and drops the rest of it, so the client gets the answer rather than a reset, then closes the
 * connection. Closing with unread bytes would reset the connection, and a client still sending then loses the
 * answer it was sent. Bounded in time (and, loosely, in bytes: dropping costs no memory), as nginx's lingering
 * close is: a client that keeps sending is cut off.
 */
export function closeAfterUnreadBody(req: IncomingMessage, limits = { bytes: 64 * 1024 * 1024, ms: 1000 }): void {
  let seen = 0;
  const cut = (): void => {
    clearTimeout(timer);
    req.off("data", count);
    req.socket.destroy();
  };
  const count = (chunk: Buffer): void => {
    seen += chunk.length;
    if (seen > limits.bytes) cut();
  };
  const timer = setTimeout(cut, limits.ms);
  timer.unref();
  req.on("data", count);
  req.once("end", () => {
    clearTimeout(timer);
    req.off("data", count);
  });
  req.on("error", () => {});
  req.resume();
}
