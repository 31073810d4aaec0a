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

describe("custom_response/tutorial006", () => {
  it("redirects with a 307", async () => {
    const response = await client.get("/typer");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://typer.tiangolo.com");
  });

  it("documents the default JSON response, since the redirect is returned directly", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(documented("/typer", "Redirect Typer", "redirect_typer_typer_get", { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } }));
  });
});
