import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_operation_configuration/tutorial002b", () => {
  it("answers the items and the users", async () => {
    expect((await client.get("/items/")).json()).toEqual(["Portal gun", "Plumbus"]);
    expect((await client.get("/users/")).json()).toEqual(["Rick", "Morty"]);
  });

  it("documents the tags from the constant object", async () => {
    const ok = { description: "Successful Response", content: { "application/json": { schema: {} } } };
    expect((await client.get("/openapi.json")).json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": { get: { tags: ["items"], summary: "Get Items", operationId: "get_items_items__get", responses: { "200": ok } } },
        "/users/": { get: { tags: ["users"], summary: "Read Users", operationId: "read_users_users__get", responses: { "200": ok } } },
      },
    });
  });
});
