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

describe("custom_response/tutorial009b", () => {
  it("sends the file with its media type and size", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.content).toEqual(new TextEncoder().encode("Fake video bytes"));
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("content-length")).toBe("16");
    expect(response.headers.get("etag")).toBeTruthy();
    expect(response.headers.get("last-modified")).toBeTruthy();
  });
});
