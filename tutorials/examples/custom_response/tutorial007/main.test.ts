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

describe("custom_response/tutorial007", () => {
  it("streams every chunk", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.text).toBe("some fake video bytes".repeat(10));
  });
});
