import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("custom_docs_ui/tutorial002", () => {
  it("serves Swagger UI with the chosen assets", async () => {
    const response = await client.get("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.text).toContain('<script src="/static/swagger-ui-bundle.js">');
    expect(response.text).toContain('href="/static/swagger-ui.css"');
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
    expect(response.text).toContain('const src = "/static/redoc.standalone.js";');
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

describe("custom_docs_ui/tutorial002 static files", () => {
  it("serves the assets from /static with their media types", async () => {
    const js = await client.get("/static/swagger-ui-bundle.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const css = await client.get("/static/swagger-ui.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await client.get("/static/redoc.standalone.js")).status).toBe(200);
  });
});
