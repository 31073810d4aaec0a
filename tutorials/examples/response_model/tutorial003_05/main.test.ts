import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("response_model/tutorial003_05", () => {
  it("answers with JSON by default", async () => {
    const response = await client.get("/portal");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Here's your interdimensional portal." });
  });

  it("redirects when asked to teleport", async () => {
    const response = await client.get("/portal", { params: { teleport: true }, followRedirects: false });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  });

  it("documents no response schema", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toEqual({
      "/portal": {
        get: {
          summary: "Get Portal",
          operationId: "get_portal_portal_get",
          parameters: [
            { name: "teleport", in: "query", required: false, schema: { type: "boolean", default: false, title: "Teleport" } },
          ],
          responses: {
            "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            "422": {
              description: "Validation Error",
              content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
            },
          },
        },
      },
    });
  });
});
