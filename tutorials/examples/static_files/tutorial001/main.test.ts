import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("static_files/tutorial001", () => {
  it("serves a file of the folder under /static", async () => {
    const response = await client.get("/static/sample.txt");
    expect(response.status).toBe(200);
    expect(response.text).toBe("This is a sample static file.");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-length")).toBe("29");
  });

  it("sends each file with its media type", async () => {
    const response = await client.get("/static/styles.css");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("answers 304 when the browser already has the file", async () => {
    const first = await client.get("/static/sample.txt");
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const again = await client.get("/static/sample.txt", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
  });

  it("answers 404 for a file that is not there, or outside the folder", async () => {
    const response = await client.get("/static/non_existent_file.txt");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Not Found" });
    expect((await client.get("/static/%2e%2e/main.ts")).status).toBe(404);
  });

  it("is reachable by name", () => {
    expect(app.urlPathFor("static", { path: "/sample.txt" })).toBe("/static/sample.txt");
  });

  it("leaves the mounted files out of the OpenAPI document", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {},
    });
  });
});
