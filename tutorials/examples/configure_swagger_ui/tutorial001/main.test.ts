import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("configure_swagger_ui/tutorial001", () => {
  it("switches off syntax highlighting, keeping the other defaults", async () => {
    const response = await client.get("/docs");
    expect(response.status).toBe(200);
    const html = response.text;
    expect(html).toContain('"syntaxHighlight": false,');
    expect(html).toContain('"deepLinking": true,');
    expect(html).toContain('"dom_id": "#swagger-ui"');
    expect(html).toContain('"layout": "BaseLayout",');
    expect(html).toContain('"showExtensions": true,');
    expect(html).toContain('"showCommonExtensions": true,');
    expect(html).toContain("presets: [");
    expect(html).toContain("SwaggerUIBundle.presets.apis,");
    expect(html).toContain("SwaggerUIBundle.SwaggerUIStandalonePreset");
  });

  it("greets the user", async () => {
    const response = await client.get("/users/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello foo" });
  });
});
