import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("metadata/tutorial002", () => {
  it("answers as usual", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ name: "Foo" }]);
  });

  it("no longer serves the document at the default URL", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(404);
  });

  it("serves it at /api/v1/openapi.json", async () => {
    const response = await client.get("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            summary: "Read Items",
            operationId: "read_items_items__get",
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            },
          },
        },
      },
    });
  });

  it("points both docs pages at the new URL", async () => {
    expect((await client.get("/docs")).text).toContain("/api/v1/openapi.json");
    expect((await client.get("/redoc")).text).toContain("/api/v1/openapi.json");
  });
});
