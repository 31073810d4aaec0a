import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

// Errors in a handler become a 500 answer here, as they would for a real client.
const client = new TestClient(app, { raiseServerExceptions: false });

describe("typescript_types/tutorial001", () => {
  it("accepts an item that fits the schema, with the default filled in", async () => {
    const response = await client.post("/items/", { json: { name: "Plumbus", price: 3 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ description: "PLUMBUS costs 3.00", tags: [] });
  });

  it("rejects an item that does not fit the schema with a 422 naming the field", async () => {
    const response = await client.post("/items/", { json: { name: 3, price: "cheap" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "string_type", loc: ["body", "name"], msg: "Input should be a valid string", input: 3 },
        { type: "float_parsing", loc: ["body", "price"], msg: "Input should be a valid number, unable to parse string as a number", input: "cheap" },
      ],
    });
  });

  it("answers the same good item the same way without the schema", async () => {
    const response = await client.post("/unchecked-items/", { json: { name: "Plumbus", price: 3 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ description: "PLUMBUS costs 3.00" });
  });

  it("fails inside the handler, with a 500, when only a type describes the body", async () => {
    const response = await client.post("/unchecked-items/", { json: { name: 3, price: "cheap" } });
    expect(response.status).toBe(500);
    expect(response.text).toBe("Internal Server Error");
  });

  it("documents the checked body, and nothing for the unchecked one", async () => {
    const openapi = (await client.get("/openapi.json")).json<{
      paths: Record<string, { post: { requestBody?: unknown } }>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(openapi.paths["/items/"]!.post.requestBody).toEqual({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
      required: true,
    });
    expect(openapi.paths["/unchecked-items/"]!.post.requestBody).toBeUndefined();
    expect(openapi.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        price: { title: "Price", type: "number" },
        tags: { title: "Tags", type: "array", items: { type: "string" }, default: [] },
      },
      required: ["name", "price"],
    });
  });
});
