import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("extra_models/tutorial003", () => {
  it("answers a car", async () => {
    const response = await client.get("/items/item1");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ description: "All my friends drive a low rider", type: "car" });
  });

  it("answers a plane", async () => {
    const response = await client.get("/items/item2");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ description: "Music is my aeroplane, it's my aeroplane", type: "plane", size: 5 });
  });

  it("documents the response as anyOf the two models", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toEqual({
      "/items/{item_id}": {
        get: {
          summary: "Read Item",
          operationId: "read_item_items__item_id__get",
          parameters: [{ name: "item_id", in: "path", required: true, schema: { title: "Item Id", type: "string" } }],
          responses: {
            "200": {
              description: "Successful Response",
              content: {
                "application/json": {
                  schema: {
                    title: "Response Read Item Items  Item Id  Get",
                    anyOf: [{ $ref: "#/components/schemas/PlaneItem" }, { $ref: "#/components/schemas/CarItem" }],
                  },
                },
              },
            },
            "422": {
              description: "Validation Error",
              content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
            },
          },
        },
      },
    });
    expect(openapi.components.schemas.PlaneItem).toEqual({
      title: "PlaneItem",
      type: "object",
      properties: {
        description: { title: "Description", type: "string" },
        type: { title: "Type", type: "string", default: "plane" },
        size: { title: "Size", type: "integer" },
      },
      required: ["description", "size"],
    });
    expect(openapi.components.schemas.CarItem).toEqual({
      title: "CarItem",
      type: "object",
      properties: {
        description: { title: "Description", type: "string" },
        type: { title: "Type", type: "string", default: "car" },
      },
      required: ["description"],
    });
  });
});
