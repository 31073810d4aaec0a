import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("body_updates/tutorial002", () => {
  it("reads a stored item, filling its defaults", async () => {
    const response = await client.get("/items/baz");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] });
  });

  it("updates only the fields that are sent", async () => {
    const response = await client.patch("/items/bar", { json: { name: "Barz", price: 3, description: null } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Barz", description: null, price: 3, tax: 20.2, tags: [] });
    const stored = await client.get("/items/bar");
    expect(stored.json()).toEqual({ name: "Barz", description: null, price: 3, tax: 20.2, tags: [] });
  });

  it("keeps the item as it is for an empty update", async () => {
    const response = await client.patch("/items/foo", { json: {} });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Foo", description: null, price: 50.2, tax: 10.5, tags: [] });
  });

  it("validates the fields that are sent", async () => {
    const response = await client.patch("/items/foo", { json: { tax: "high" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "float_parsing",
          loc: ["body", "tax"],
          msg: "Input should be a valid number, unable to parse string as a number",
          input: "high",
        },
      ],
    });
  });

  it("documents Item for the body and for the response", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toHaveProperty(["/items/{item_id}", "patch", "requestBody"], {
      content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
      required: true,
    });
    expect(openapi.paths).toHaveProperty(["/items/{item_id}", "patch", "responses", "200"], {
      description: "Successful Response",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
    });
    expect(Object.keys(openapi.components.schemas).sort()).toEqual(["HTTPValidationError", "Item", "ValidationError"]);
  });
});
