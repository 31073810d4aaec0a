import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("response_model/tutorial003_03", () => {
  it("redirects", async () => {
    const response = await client.get("/teleport", { followRedirects: false });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  });

  it("documents the operation without a response schema", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/teleport": {
          get: {
            summary: "Get Teleport",
            operationId: "get_teleport_teleport_get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
    });
  });
});
