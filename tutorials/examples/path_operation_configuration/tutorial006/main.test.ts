import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_operation_configuration/tutorial006", () => {
  it("still answers the deprecated operation", async () => {
    expect((await client.get("/items/")).json()).toEqual([{ name: "Foo", price: 42 }]);
    expect((await client.get("/users/")).json()).toEqual([{ username: "johndoe" }]);
    const response = await client.get("/elements/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ item_id: "Foo" }]);
  });

  it("documents the operation as deprecated", async () => {
    const ok = { description: "Successful Response", content: { "application/json": { schema: {} } } };
    expect((await client.get("/openapi.json")).json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": { get: { tags: ["items"], summary: "Read Items", operationId: "read_items_items__get", responses: { "200": ok } } },
        "/users/": { get: { tags: ["users"], summary: "Read Users", operationId: "read_users_users__get", responses: { "200": ok } } },
        "/elements/": {
          get: { tags: ["items"], summary: "Read Elements", operationId: "read_elements_elements__get", responses: { "200": ok }, deprecated: true },
        },
      },
    });
  });
});
