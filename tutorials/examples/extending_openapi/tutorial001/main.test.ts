import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("extending_openapi/tutorial001", () => {
  it("answers the items", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ name: "Foo" }]);
  });

  it("serves the customised document, and the same one again from the cache", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: {
        title: "Custom title",
        summary: "This is a very custom OpenAPI schema",
        description: "Here's a longer description of the custom **OpenAPI** schema",
        version: "2.5.0",
        "x-logo": { url: "https://fastapi.tiangolo.com/img/logo-margin/logo-teal.png" },
      },
      paths: {
        "/items/": {
          get: {
            responses: { 200: { description: "Successful Response", content: { "application/json": { schema: {} } } } },
            summary: "Read Items",
            operationId: "read_items_items__get",
          },
        },
      },
    });
    const first = app.openapi();
    expect((await client.get("/openapi.json")).json()).toEqual(response.json());
    expect(app.openapi()).toBe(first);
  });

  it("leaves the docs pages titled from the app's options", async () => {
    // The pages take their title from the app's options, not from the document: still "FastAPI".
    expect((await client.get("/docs")).text).toContain("<title>FastAPI - Swagger UI</title>");
  });
});
