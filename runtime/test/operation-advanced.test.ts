import { describe, it, expect } from "vitest";
import { z } from "zod";
import { APIRoute, FastAPI, RedirectResponse, Response, TestClient, modelJsonSchema, validationErrors } from "../src/index.ts";

type Doc = { paths: Record<string, Record<string, { operationId: string; description?: string }>> };

describe("advanced path operation configuration", () => {
  it("truncates the documented description at a form feed, trimmed", async () => {
    const app = new FastAPI();
    app.get("/a", { description: "Shown:\n\n- one\n\f\n:param x: hidden" }, async function a() { return 1; });
    app.get("/b", { description: "\fonly hidden" }, async function b() { return 2; });
    const doc = (await new TestClient(app).get("/openapi.json")).json<Doc>();
    expect(doc.paths["/a"]!.get!.description).toBe("Shown:\n\n- one");
    expect("description" in doc.paths["/b"]!.get!).toBe(false);
  });

  it("lets the operationId be changed after the routes are declared", async () => {
    const app = new FastAPI();
    app.get("/items/", {}, async function read_items() { return []; });
    for (const route of app.routes) if (route instanceof APIRoute) route.uniqueId = route.name;
    const doc = (await new TestClient(app).get("/openapi.json")).json<Doc>();
    expect(doc.paths["/items/"]!.get!.operationId).toBe("read_items");
  });

  it("maps a hand-run zod parse to pydantic errors without a source prefix", () => {
    const Item = z.object({ name: z.string(), tags: z.array(z.string()) });
    const data = { tags: ["a", 1] };
    const result = Item.safeParse(data);
    expect(result.success).toBe(false);
    expect(validationErrors(Item, data, result.error!)).toEqual([
      { type: "missing", loc: ["name"], msg: "Field required", input: data },
      { type: "string_type", loc: ["tags", 1], msg: "Input should be a valid string", input: 1 },
    ]);
  });

  it("gives a model's standalone JSON Schema, as pydantic's model_json_schema()", () => {
    const Tag = z.object({ label: z.string() }).meta({ id: "Tag" });
    const Item = z.object({ name: z.string(), tags: z.array(Tag) }).meta({ id: "Item" });
    expect(modelJsonSchema(Item)).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        tags: { title: "Tags", type: "array", items: { $ref: "#/$defs/Tag" } },
      },
      required: ["name", "tags"],
      $defs: { Tag: { title: "Tag", type: "object", properties: { label: { title: "Label", type: "string" } }, required: ["label"] } },
    });
  });

  it("documents no content for a response class without a media type", async () => {
    const app = new FastAPI();
    app.get("/go", { responseClass: RedirectResponse }, async function go() { return "https://example.com"; });
    app.get("/raw", { responseClass: Response }, async function raw() { return "x"; });
    const doc = (await new TestClient(app).get("/openapi.json")).json<{ paths: Record<string, { get: { responses: object } }> }>();
    expect(doc.paths["/go"]!.get.responses).toEqual({ "307": { description: "Successful Response" } });
    expect(doc.paths["/raw"]!.get.responses).toEqual({ "200": { description: "Successful Response" } });
  });
});
