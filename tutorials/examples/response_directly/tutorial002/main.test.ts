import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("response_directly/tutorial002", () => {
  it("sends the XML as it is", async () => {
    const expected = `<?xml version="1.0"?>
    <shampoo>
    <Header>
        Apply shampoo here.
    </Header>
    <Body>
        You'll have to use soap here.
    </Body>
    </shampoo>
    `;
    const response = await client.get("/legacy/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml");
    expect(response.text).toBe(expected);
  });

  it("documents the default JSON response", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/legacy/": {
          get: {
            summary: "Get Legacy Data",
            operationId: "get_legacy_data_legacy__get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
    });
  });
});
