// How a path operation that streams (its handler is a generator function) is answered: each yielded item is
// serialised through the response model (the model of one item) and sent as JSON Lines, as Server-Sent Events,
// or, with another response class (a `StreamingResponse`), handed to that class as is.
import { JSONResponse, Response, StreamingResponse } from "../responses.ts";
import { EventSourceResponse, ServerSentEvent } from "../sse.ts";
import { abortable, mapItems, type ItemSource } from "../streaming/iterables.ts";
import type { ResponseClass } from "./operation.ts";

/** The media type FastAPI streams JSON Lines with. */
export const JSON_LINES_MEDIA_TYPE = "application/jsonl";

/** How a streaming operation's items go out, by its response class. */
export type StreamKind = "jsonl" | "sse" | "raw";

/** The stream kind of a response class: JSON (the default) → JSON Lines; {@link EventSourceResponse} → SSE. */
export function streamKindOf(cls: ResponseClass): StreamKind {
  if (cls === EventSourceResponse || cls.prototype instanceof EventSourceResponse) return "sse";
  if (cls === JSONResponse || cls.prototype instanceof JSONResponse) return "jsonl";
  return "raw";
}

/** What the route gives to {@link streamResponse}. */
export interface StreamPlan {
  kind: StreamKind;
  responseClass: ResponseClass;
  /** Validates one item through the response model and makes it JSON-able. */
  serialize: (item: unknown) => unknown;
  /** The status of the response. */
  status: number;
  /** Aborts when the client goes away (the Web request's signal), if the server gives one. */
  signal: AbortSignal | undefined;
}

/** The response streaming the items of `source` (see the module). */
export function streamResponse(source: ItemSource, plan: StreamPlan): Response {
  const items = abortable(source, plan.signal);
  if (plan.kind === "jsonl") {
    const lines = mapItems(items, async (item) => `${JSON.stringify(await plan.serialize(item))}\n`);
    return new StreamingResponse(lines, { status: plan.status, mediaType: JSON_LINES_MEDIA_TYPE });
  }
  if (plan.kind === "sse") {
    const events = mapItems(items, async (item) => {
      if (!(item instanceof ServerSentEvent)) return plan.serialize(item);
      if (item.data === undefined || item.data === null) return item;
      return new ServerSentEvent({ ...item, data: await plan.serialize(item.data) });
    });
    // The abort signal is already applied to the items.
    return new (plan.responseClass as typeof EventSourceResponse)(events, { status: plan.status });
  }
  return new plan.responseClass(items as never, { status: plan.status });
}
