import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_operation_advanced_configuration/tutorial007", () => {
  it("reads and validates a YAML body", async () => {
    const yaml = `
        name: Deadpoolio
        tags:
        - x-force
        - x-men
        - x-avengers
        `;
    const response = await client.post("/items/", { content: yaml });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Deadpoolio", tags: ["x-force", "x-men", "x-avengers"] });
  });

  it("refuses broken YAML", async () => {
    const yaml = `
        name: Deadpoolio
        tags:
        x - x-force
        x - x-men
        x - x-avengers
        `;
    const response = await client.post("/items/", { content: yaml });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: "Invalid YAML" });
  });

  it("reports data that does not fit the model, located from the YAML's root", async () => {
    const yaml = `
        name: Deadpoolio
        tags:
        - x-force
        - x-men
        - x-avengers
        - sneaky: object
        `;
    const response = await client.post("/items/", { content: yaml });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "string_type", loc: ["tags", 3], msg: "Input should be a valid string", input: { sneaky: "object" } }],
    });
  });

  it("documents the YAML body with the model's schema", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          post: {
            summary: "Create Item",
            operationId: "create_item_items__post",
            requestBody: {
              content: {
                "application/x-yaml": {
                  schema: {
                    title: "Item",
                    required: ["name", "tags"],
                    type: "object",
                    properties: {
                      name: { title: "Name", type: "string" },
                      tags: { title: "Tags", type: "array", items: { type: "string" } },
                    },
                  },
                },
              },
              required: true,
            },
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
    });
  });
});
