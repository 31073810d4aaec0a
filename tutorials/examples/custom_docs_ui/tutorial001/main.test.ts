import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("custom_docs_ui/tutorial001", () => {
  it("serves Swagger UI with the chosen assets", async () => {
    const response = await client.get("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.text).toContain('<script src="https://unpkg.com/swagger-ui-dist@5/swagger-ui-bundle.js">');
    expect(response.text).toContain('href="https://unpkg.com/swagger-ui-dist@5/swagger-ui.css"');
    expect(response.text).toContain('url: "/openapi.json"');
    expect(response.text).toContain('oauth2RedirectUrl: window.location.origin + "/docs/oauth2-redirect"');
    expect(response.text).toContain("<title>FastAPI - Swagger UI</title>");
  });

  it("serves the OAuth2 redirect page", async () => {
    const response = await client.get("/docs/oauth2-redirect");
    expect(response.status).toBe(200);
    expect(response.text).toContain("window.opener.swaggerUIRedirectOauth2");
  });

  it("serves ReDoc with the chosen script", async () => {
    const response = await client.get("/redoc");
    expect(response.status).toBe(200);
    expect(response.text).toContain('const src = "https://unpkg.com/redoc@2/bundles/redoc.standalone.js";');
    expect(response.text).toContain("<title>FastAPI - ReDoc</title>");
  });

  it("keeps the docs routes out of the document", async () => {
    const document = (await client.get("/openapi.json")).json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(["/users/{username}"]);
  });

  it("answers the API", async () => {
    const response = await client.get("/users/john");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello john" });
  });
});
