// How a streaming operation's success response is documented, as FastAPI does: the schema of one item under
// `itemSchema` (OpenAPI 3.2's field for sequential media types, which FastAPI writes into its 3.1 documents).
import type { APIRoute } from "../routing/route.ts";
import { JSON_LINES_MEDIA_TYPE } from "../routing/stream.ts";
import type { JSONSchema } from "./schema.ts";
import type { SchemaRegistry } from "./registry.ts";

/**
 * The `content` of a streaming operation's success response, or `null` when the route does not stream items it
 * serialises (a handler returning one value, or one streaming raw chunks through a `StreamingResponse`).
 */
export function streamContent(route: APIRoute, registry: SchemaRegistry): JSONSchema | null {
  if (route.streams === "jsonl") {
    const item = route.responseModel ? registry.schema(route.responseModel, "output") : {};
    return { [JSON_LINES_MEDIA_TYPE]: { itemSchema: item } };
  }
  if (route.streams === "sse") {
    // The event's fields, as OpenAPI 3.2 describes an event stream; `data` is JSON of the item model when declared.
    const data: JSONSchema = { type: "string" };
    if (route.responseModel) {
      data.contentMediaType = "application/json";
      data.contentSchema = registry.schema(route.responseModel, "output");
    }
    const event: JSONSchema = {
      type: "object",
      properties: { data, event: { type: "string" }, id: { type: "string" }, retry: { type: "integer", minimum: 0 } },
    };
    if (route.responseModel) event.required = ["data"];
    return { [route.responseClass.mediaType ?? "text/event-stream"]: { itemSchema: event } };
  }
  return null;
}
