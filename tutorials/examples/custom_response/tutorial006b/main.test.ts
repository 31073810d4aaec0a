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

describe("custom_response/tutorial006b", () => {
  it("redirects to the returned URL with a 307", async () => {
    const response = await client.get("/fastapi");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://fastapi.tiangolo.com");
  });

  it("documents a 307 without content", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(documented("/fastapi", "Redirect Fastapi", "redirect_fastapi_fastapi_get", { "307": { description: "Successful Response" } }));
  });
});
