import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("extra_models/tutorial004", () => {
  it("answers the list of items", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      { name: "Foo", description: "There comes my hero" },
      { name: "Red", description: "It's my aeroplane" },
    ]);
  });

  it("documents an array of Item", async () => {
    const response = await client.get("/openapi.json");
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            summary: "Read Items",
            operationId: "read_items_items__get",
            responses: {
              "200": {
                description: "Successful Response",
                content: {
                  "application/json": {
                    schema: { title: "Response Read Items Items  Get", type: "array", items: { $ref: "#/components/schemas/Item" } },
                  },
                },
              },
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
              description: { title: "Description", type: "string" },
            },
            required: ["name", "description"],
          },
        },
      },
    });
  });
});
