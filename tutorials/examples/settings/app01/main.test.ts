import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { settings } from "./config.ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("settings/app01", () => {
  it("answers with the settings of the config module", async () => {
    const response = await client.get("/info");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ app_name: "Awesome API", admin_email: "deadpool@example.com", items_per_user: 50 });
    expect(response.json()).toEqual(settings);
  });

  it("documents the operation", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/info": {
          get: {
            summary: "Info",
            operationId: "info_info_get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
    });
  });
});
