import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app, { followRedirects: false });

function documented(path: string, summary: string, operationId: string, responses: object) {
  return {
    openapi: "3.1.0",
    info: { title: "FastAPI", version: "0.1.0" },
    paths: { [path]: { get: { summary, operationId, responses } } },
  };
}

describe("custom_response/tutorial010", () => {
  it("sends what the handler returns as HTML, the app's default class", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.text).toBe("<h1>Items</h1><p>This is a list of items.</p>");
  });

  it("documents an HTML response", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(documented("/items/", "Read Items", "read_items_items__get", { "200": { description: "Successful Response", content: { "text/html": { schema: { type: "string" } } } } }));
  });
});
