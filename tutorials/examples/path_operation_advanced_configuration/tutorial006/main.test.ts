import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_operation_advanced_configuration/tutorial006", () => {
  it("reads the raw body, whatever it is", async () => {
    const response = await client.post("/items/", { content: "this is actually not validated" });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      size: 30,
      content: { name: "Maaaagic", price: 42, description: "Just kiddin', no magic here. ✨" },
    });
  });

  it("documents the request body it declares by hand", async () => {
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
                "application/json": {
                  schema: {
                    required: ["name", "price"],
                    type: "object",
                    properties: { name: { type: "string" }, price: { type: "number" }, description: { type: "string" } },
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
