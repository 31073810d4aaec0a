import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("templates/tutorial001", () => {
  it("renders the item page, with links built by url_for", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.text).toContain('<h1><a href="http://testserver/items/foo">Item ID: foo</a></h1>');
    expect(response.text).toContain('<link href="http://testserver/static/styles.css" rel="stylesheet">');
  });

  it("escapes HTML in the values it renders", async () => {
    const response = await client.get("/items/<b>");
    expect(response.text).toContain("Item ID: &lt;b&gt;</a>");
    expect(response.text).not.toContain("<b>");
  });

  it("serves the stylesheet the page links to", async () => {
    const response = await client.get("/static/styles.css");
    expect(response.status).toBe(200);
    expect(response.text).toContain("color: green;");
  });

  it("documents the page as HTML", async () => {
    const response = await client.get("/openapi.json");
    const operation = response.json<{ paths: Record<string, { get: { responses: Record<string, unknown> } }> }>()
      .paths["/items/{id}"]!.get;
    expect(operation.responses["200"]).toEqual({
      description: "Successful Response",
      content: { "text/html": { schema: { type: "string" } } },
    });
  });
});
