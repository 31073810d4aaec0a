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

describe("custom_response/tutorial005", () => {
  it("sends plain text", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.text).toBe("Hello World");
  });

  it("documents a text response", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(documented("/", "Main", "main__get", { "200": { description: "Successful Response", content: { "text/plain": { schema: { type: "string" } } } } }));
  });
});
