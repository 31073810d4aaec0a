import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("dataclasses_/tutorial003", () => {
  it("creates an author's items from a list in the body", async () => {
    const response = await client.post("/authors/foo/items/", {
      json: [{ name: "Bar" }, { name: "Baz", description: "Drop the Baz" }],
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      name: "foo",
      items: [
        { name: "Bar", description: null },
        { name: "Baz", description: "Drop the Baz" },
      ],
    });
  });

  it("validates each item of the list", async () => {
    const response = await client.post("/authors/foo/items/", { json: [{ name: "Bar" }, { description: "no name" }] });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", 1, "name"], msg: "Field required", input: { description: "no name" } }],
    });
  });

  it("lists the authors with their items, filling in missing descriptions", async () => {
    const response = await client.get("/authors/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      {
        name: "Breaters",
        items: [
          { name: "Island In The Moon", description: "A place to be playin' and havin' fun" },
          { name: "Holy Buddies", description: null },
        ],
      },
      {
        name: "System of an Up",
        items: [
          { name: "Salt", description: "The kombucha mushroom people's favorite" },
          { name: "Pad Thai", description: null },
          { name: "Lonely Night", description: "The mostests lonliest nightiest of allest" },
        ],
      },
    ]);
  });

  it("documents the nested schemas, the list body and the list response", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const openapi = response.json<{
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { schemas: Record<string, unknown> };
    }>();
    const post = openapi.paths["/authors/{author_id}/items/"]!.post!;
    expect(post.parameters).toEqual([{ required: true, schema: { title: "Author Id", type: "string" }, name: "author_id", in: "path" }]);
    expect(post.requestBody).toEqual({
      content: { "application/json": { schema: { title: "Items", type: "array", items: { $ref: "#/components/schemas/Item" } } } },
      required: true,
    });
    expect((post.responses as Record<string, unknown>)["200"]).toEqual({
      description: "Successful Response",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Author" } } },
    });
    expect(openapi.paths["/authors/"]!.get).toEqual({
      summary: "Get Authors",
      operationId: "get_authors_authors__get",
      responses: {
        "200": {
          description: "Successful Response",
          content: {
            "application/json": {
              schema: { title: "Response Get Authors Authors  Get", type: "array", items: { $ref: "#/components/schemas/Author" } },
            },
          },
        },
      },
    });
    expect(openapi.components.schemas.Author).toEqual({
      title: "Author",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        // pydantic leaves a default_factory's value out of the schema; zod writes the default it produces.
        items: { title: "Items", type: "array", items: { $ref: "#/components/schemas/Item" }, default: [] },
      },
      required: ["name"],
    });
    expect(openapi.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        description: { anyOf: [{ type: "string" }, { type: "null" }], title: "Description" },
      },
      required: ["name"],
    });
  });
});
