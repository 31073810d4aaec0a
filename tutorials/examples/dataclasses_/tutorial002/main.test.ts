import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("dataclasses_/tutorial002", () => {
  it("answers through the response model, which fills in tax", async () => {
    const response = await client.get("/items/next");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      name: "Island In The Moon",
      price: 12.99,
      description: "A place to be playin' and havin' fun",
      tags: ["breater"],
      tax: null,
    });
  });

  it("documents the Item schema as the response", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/next": {
          get: {
            summary: "Read Next Item",
            operationId: "read_next_item_items_next_get",
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } },
            },
          },
        },
      },
      components: {
        schemas: {
          Item: {
            title: "Item",
            type: "object",
            properties: {
              name: { title: "Name", type: "string" },
              price: { title: "Price", type: "number" },
              // pydantic leaves a default_factory's value out of the schema; zod writes the default it produces.
              tags: { title: "Tags", type: "array", items: { type: "string" }, default: [] },
              description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
              tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
            },
            required: ["name", "price"],
          },
        },
      },
    });
  });
});
