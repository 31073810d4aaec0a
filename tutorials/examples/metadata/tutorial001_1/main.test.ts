import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("metadata/tutorial001_1", () => {
  it("answers as usual", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ name: "Katana" }]);
  });

  it("puts the app's metadata, with an SPDX license identifier, in the OpenAPI info", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: {
        title: "ChimichangApp",
        summary: "Deadpool's favorite app. Nuff said.",
        description:
          "\nChimichangApp API helps you do awesome stuff. 🚀\n\n## Items\n\nYou can **read items**.\n\n## Users\n\nYou will be able to:\n\n* **Create users** (_not implemented_).\n* **Read users** (_not implemented_).\n",
        termsOfService: "http://example.com/terms/",
        contact: {
          name: "Deadpoolio the Amazing",
          url: "http://x-force.example.com/contact/",
          email: "dp@x-force.example.com",
        },
        license: { name: "Apache 2.0", identifier: "Apache-2.0" },
        version: "0.0.1",
      },
      paths: {
        "/items/": {
          get: {
            summary: "Read Items",
            operationId: "read_items_items__get",
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            },
          },
        },
      },
    });
  });

  it("titles the docs pages after the app", async () => {
    const response = await client.get("/docs");
    expect(response.text).toContain("<title>ChimichangApp - Swagger UI</title>");
  });
});
