import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_operation_advanced_configuration/tutorial005", () => {
  it("answers as usual", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ item_id: "portal-gun" }]);
  });

  it("adds the extension to the operation", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            summary: "Read Items",
            operationId: "read_items_items__get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
            "x-aperture-labs-portal": "blue",
          },
        },
      },
    });
  });
});
