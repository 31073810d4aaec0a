// Server-Sent Events (FastAPI's `fastapi.sse`): the `text/event-stream` response a streaming handler's items are
// sent with, and the event type that sets the fields of the wire format (`event`, `id`, `retry`, comments).
import { jsonableEncoder } from "./encoders.ts";
import { StreamingResponse, type ResponseInit } from "./responses.ts";
import { abortable, iterableStream, mapItems, type ItemSource } from "./streaming/iterables.ts";

/** The fields of a {@link ServerSentEvent}. */
export interface ServerSentEventInit {
  /** The payload: any value, always sent as JSON (`"hello"` goes out as `data: "hello"`). Exclusive with `rawData`. */
  data?: unknown;
  /** Text sent in the `data:` field as is (log lines, a `[DONE]` sentinel); each of its lines is one `data:` line. */
  rawData?: string;
  /** The event type: a browser's `EventSource` dispatches it to `addEventListener(event, …)`. One line. */
  event?: string;
  /** The event id, sent back by a reconnecting browser in the `Last-Event-ID` header. One line, no NUL. */
  id?: string;
  /** How many milliseconds the browser waits before reconnecting. A non-negative integer. */
  retry?: number;
  /** Comment lines (`: …`), ignored by `EventSource`; they keep idle connections open through proxies. */
  comment?: string;
}

function singleLine(value: string | undefined, field: string): void {
  if (value !== undefined && /[\r\n]/.test(value)) throw new TypeError(`SSE '${field}' must be a single line`);
}

/**
 * One Server-Sent Event. Yield it from a handler declared with `responseClass: EventSourceResponse` to set the
 * event's fields; a plain value yielded instead is sent as the `data:` of an event without other fields.
 *
 * @example
 * ```ts
 * app.get("/items/stream", { responseClass: EventSourceResponse }, async function* stream_items() {
 *   yield new ServerSentEvent({ comment: "stream of item updates" });
 *   yield new ServerSentEvent({ data: { name: "Plumbus" }, event: "item_update", id: "1", retry: 5000 });
 * });
 * ```
 */
export class ServerSentEvent {
  /** The payload, sent as JSON (`undefined`: none). */
  readonly data: unknown;
  /** Text sent as the `data:` field without JSON encoding. */
  readonly rawData: string | undefined;
  /** The event type. */
  readonly event: string | undefined;
  /** The event id. */
  readonly id: string | undefined;
  /** Reconnection delay in milliseconds. */
  readonly retry: number | undefined;
  /** Comment text. */
  readonly comment: string | undefined;

  /** Checks the fields as the wire format needs them; throws a `TypeError` naming the field otherwise. */
  constructor(init: ServerSentEventInit = {}) {
    if (init.data !== undefined && init.data !== null && init.rawData !== undefined) {
      throw new TypeError("Cannot set both 'data' and 'rawData' on the same ServerSentEvent: use 'data' for JSON payloads or 'rawData' for pre-formatted text");
    }
    singleLine(init.event, "event");
    singleLine(init.id, "id");
    if (init.id?.includes("\0")) throw new TypeError("SSE 'id' must not contain null characters");
    if (init.retry !== undefined && !(Number.isInteger(init.retry) && init.retry >= 0)) throw new TypeError("SSE 'retry' must be a non-negative integer");
    this.data = init.data;
    this.rawData = init.rawData;
    this.event = init.event;
    this.id = init.id;
    this.retry = init.retry;
    this.comment = init.comment;
  }
}

/** The fields of one event, its data already a string (see {@link formatSseEvent}). */
export interface SseFields {
  /** The `data:` text: one `data:` line per line. */
  data?: string;
  event?: string;
  id?: string;
  retry?: number;
  comment?: string;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The wire format of one event: comment lines, `event:`, `data:` lines, `id:`, `retry:`, then a blank line
 * (FastAPI's `format_sse_event`).
 */
export function formatSseEvent(fields: SseFields): string {
  singleLine(fields.event, "event");
  singleLine(fields.id, "id");
  let out = "";
  if (fields.comment !== undefined) for (const line of fields.comment.split(LINE_BREAK)) out += `: ${line}\n`;
  if (fields.event !== undefined) out += `event: ${fields.event}\n`;
  if (fields.data !== undefined) for (const line of fields.data.split(LINE_BREAK)) out += `data: ${line}\n`;
  if (fields.id !== undefined) out += `id: ${fields.id}\n`;
  if (fields.retry !== undefined) out += `retry: ${fields.retry}\n`;
  return `${out}\n`;
}

/** The keep-alive comment sent when a stream has been idle (as the HTML specification suggests). */
export const KEEPALIVE_COMMENT = ": ping\n\n";

/** The wire text of a yielded item: a {@link ServerSentEvent}'s fields, or a plain value as JSON `data:`. */
export function encodeSseItem(item: unknown): string {
  if (item instanceof ServerSentEvent) {
    const data = item.rawData ?? (item.data === undefined || item.data === null ? undefined : JSON.stringify(jsonableEncoder(item.data)));
    return formatSseEvent({ data, event: item.event, id: item.id, retry: item.retry, comment: item.comment });
  }
  return formatSseEvent({ data: JSON.stringify(jsonableEncoder(item)) });
}

/** Options of an {@link EventSourceResponse}. */
export interface EventSourceResponseInit extends ResponseInit {
  /** Milliseconds of silence before a keep-alive comment is sent (default: the class's `pingInterval`). */
  pingInterval?: number;
  /** Stops the stream (and the source's generator) when it aborts: pass the client request's `signal`. */
  signal?: AbortSignal;
}

/**
 * A Server-Sent Events response (`text/event-stream`). Declare it as an operation's `responseClass` and `yield`
 * from the handler (`async function*`, or `function*`): each item is sent as one event, a plain value as JSON in its
 * `data:` field, a {@link ServerSentEvent} with its fields. Works with any method (GET, or POST for protocols that
 * stream answers to a posted body).
 *
 * The response sets `Cache-Control: no-cache` and `X-Accel-Buffering: no` (no proxy buffering), and sends a
 * `: ping` comment whenever nothing was sent for `pingInterval` milliseconds (15 s; subclass to change it). When the
 * client goes away, the generator is stopped: its `finally` blocks run.
 *
 * @example
 * ```ts
 * class QuickPings extends EventSourceResponse {
 *   static override pingInterval = 1000;
 * }
 * ```
 */
export class EventSourceResponse extends StreamingResponse {
  static override mediaType: string | null = "text/event-stream";
  /** Milliseconds of silence before a keep-alive `: ping` comment (FastAPI: 15 seconds). */
  static pingInterval = 15_000;

  /** Streams the items of `content` (see the class). */
  constructor(content: ItemSource, init: EventSourceResponseInit = {}) {
    const cls = new.target as typeof EventSourceResponse;
    const interval = init.pingInterval ?? cls.pingInterval;
    const events = mapItems(abortable(content, init.signal), encodeSseItem);
    super([], init);
    this.body = iterableStream(events, { idleInterval: interval, idle: () => KEEPALIVE_COMMENT });
    const type = init.mediaType ?? cls.mediaType ?? "text/event-stream";
    this.headers.set("content-type", type.includes("charset") ? type : `${type}; charset=utf-8`);
    if (!this.headers.has("cache-control")) this.headers.set("cache-control", "no-cache");
    if (!this.headers.has("x-accel-buffering")) this.headers.set("x-accel-buffering", "no");
  }
}
