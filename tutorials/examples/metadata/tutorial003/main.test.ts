import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("metadata/tutorial003", () => {
  it("answers as usual", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ name: "Foo" }]);
  });

  it("keeps the OpenAPI document where it was", async () => {
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
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            },
          },
        },
      },
    });
  });

  it("moves Swagger UI to /documentation", async () => {
    expect((await client.get("/docs")).status).toBe(404);
    const response = await client.get("/documentation");
    expect(response.status).toBe(200);
    expect(response.text).toContain("<title>FastAPI - Swagger UI</title>");
  });

  it("turns ReDoc off", async () => {
    expect((await client.get("/redoc")).status).toBe(404);
  });
});
