import { describe, expect, it } from "vitest";
import { resolveLocalSubtree } from "./swagger-resolve.ts";

const base = "http://127.0.0.1:4173/playground";
const item = { type: "object", properties: { name: { type: "string", title: "Name" } }, required: ["name"], title: "Item" };
const doc = {
  openapi: "3.1.0",
  paths: {
    "/items/": {
      post: {
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } }, required: true },
        responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Item" } } } } } },
      },
    },
  },
  components: { schemas: { Item: item } },
};

describe("resolving an operation's references into the document's own components", () => {
  it("replaces each reference by a copy of its target marked with $$ref, as swagger-client does", () => {
    const resolved = resolveLocalSubtree(doc, ["paths", "/items/", "post"], base);
    expect(resolved?.errors).toEqual([]);
    const spec = resolved?.spec as { requestBody: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content: Record<string, { schema: { items: unknown } }> }> };
    expect(spec.requestBody.content["application/json"]!.schema).toEqual({ ...item, $$ref: `${base}#/components/schemas/Item` });
    expect(spec.responses["200"]!.content["application/json"]!.schema.items).toEqual({ ...item, $$ref: `${base}#/components/schemas/Item` });
    // The document itself is left as it was (Swagger UI keeps it).
    expect(doc.paths["/items/"].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Item" });
  });

  it("resolves references inside the targets, and answers a null subtree for a path to nothing", () => {
    const nested = { ...doc, components: { schemas: { Item: item, Order: { type: "object", properties: { item: { $ref: "#/components/schemas/Item" } } } } } };
    const order = resolveLocalSubtree(nested, ["components", "schemas", "Order"], base)?.spec as { properties: { item: unknown } };
    expect(order.properties.item).toEqual({ ...item, $$ref: `${base}#/components/schemas/Item` });
    expect(resolveLocalSubtree(doc, ["components", "securitySchemes"], base)).toEqual({ spec: null, errors: [] });
    expect(resolveLocalSubtree({ openapi: "3.1.0", paths: {} }, ["components", "securitySchemes"], base)).toEqual({ spec: null, errors: [] });
  });

  it("leaves to swagger-client what it might answer differently", () => {
    const withSchema = (schema: unknown, components: Record<string, unknown> = { Item: item }) =>
      resolveLocalSubtree({ paths: { "/": { get: { responses: { "200": { description: "", content: { "application/json": { schema } } } } } } }, components: { schemas: components } }, ["paths", "/", "get"], base);
    // a reference out of the document, or to something that is not there
    expect(withSchema({ $ref: "other.json#/components/schemas/Item" })).toBeUndefined();
    expect(withSchema({ $ref: "#/components/schemas/Missing" })).toBeUndefined();
    // a reference with sibling keys (OpenAPI 3.1 allows them)
    expect(withSchema({ $ref: "#/components/schemas/Item", examples: [{ name: "x" }] })).toBeUndefined();
    // a cycle
    expect(withSchema({ $ref: "#/components/schemas/Node" }, { Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } } })).toBeUndefined();
    // "$ref" as data: an example's value
    expect(withSchema({ type: "object", example: { $ref: "#/components/schemas/Item" } })).toBeUndefined();
    // a path through a reference
    expect(resolveLocalSubtree(doc, ["paths", "/items/", "post", "requestBody", "content", "application/json", "schema", "properties"], base)).toBeUndefined();
  });

  it("keeps what is not a reference exactly, arrays and falsy values included", () => {
    const plain = { paths: { "/": { get: { parameters: [{ name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], default: null } }], deprecated: false } } } };
    expect(resolveLocalSubtree(plain, ["paths", "/", "get"], base)).toEqual({ spec: plain.paths["/"].get, errors: [] });
  });
});

describe("operation ids, normalized as swagger-client normalizes them", () => {
  const op = (operationId?: string) => ({ ...(operationId === undefined ? {} : { operationId }), responses: { "200": { description: "OK" } } });
  it("replaces what is not a word character, keeps the original, and numbers rewritten ids that collide", () => {
    const doc = { paths: { "/a": { get: op("items-read"), post: op("items+read") }, "/b": { get: op("plain_id"), put: op("x y") }, "/c": { get: op() } } };
    expect(resolveLocalSubtree(doc, ["paths", "/a", "get"], base)?.spec).toEqual({ ...op(), operationId: "items_read1", __originalOperationId: "items-read" });
    expect(resolveLocalSubtree(doc, ["paths", "/a", "post"], base)?.spec).toEqual({ ...op(), operationId: "items_read2", __originalOperationId: "items+read" });
    expect(resolveLocalSubtree(doc, ["paths", "/b", "get"], base)?.spec).toEqual(op("plain_id"));
    expect(resolveLocalSubtree(doc, ["paths", "/b", "put"], base)?.spec).toEqual({ ...op(), operationId: "x_y", __originalOperationId: "x y" });
    expect(resolveLocalSubtree(doc, ["paths", "/c", "get"], base)?.spec).toEqual(op());
  });

  it("leaves documents to swagger-client where its other normalizations would change them", () => {
    const path = ["paths", "/a", "get"];
    expect(resolveLocalSubtree({ security: [{ key: [] }], paths: { "/a": { get: op("a") } } }, path, base)).toBeUndefined();
    expect(resolveLocalSubtree({ paths: { "/a": { parameters: [], get: op("a") } } }, path, base)).toBeUndefined();
    const withParameter = (parameter: object) => ({ paths: { "/a": { get: { ...op("a"), parameters: [parameter] } } } });
    expect(resolveLocalSubtree(withParameter({ name: "q", in: "query", example: 1, schema: { type: "integer", examples: [2] } }), path, base)).toBeUndefined();
    expect(resolveLocalSubtree(withParameter({ $ref: "#/components/parameters/Q" }), path, base)).toBeUndefined();
    expect(resolveLocalSubtree(withParameter({ name: "q", in: "query", schema: { type: "integer", examples: [2] } }), path, base)).toBeDefined();
    expect(resolveLocalSubtree({ paths: { "/a": { get: { operationId: "a", responses: { "200": { description: "", links: {} } } } } } }, path, base)).toBeUndefined();
  });
});

it("keeps the fields OpenAPI 3.1 does not define as they are, references included, as swagger-client does", () => {
  const stream = { itemSchema: { type: "object", properties: { data: { contentSchema: { $ref: "#/components/schemas/Item" } } } }, "x-extra": { $ref: "#/components/schemas/Item" } };
  const doc = { paths: { "/s": { get: { responses: { "200": { description: "", content: { "text/event-stream": stream } } } } } }, components: { schemas: { Item: { type: "string" } } } };
  const spec = resolveLocalSubtree(doc, ["paths", "/s", "get"], base)?.spec as { responses: Record<string, { content: Record<string, unknown> }> };
  expect(spec.responses["200"]!.content["text/event-stream"]).toEqual(stream);
});
