import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("metadata/tutorial004", () => {
  it("answers both path operations", async () => {
    const items = await client.get("/items/");
    expect(items.status).toBe(200);
    expect(items.json()).toEqual([{ name: "wand" }, { name: "flying broom" }]);
    const users = await client.get("/users/");
    expect(users.status).toBe(200);
    expect(users.json()).toEqual([{ name: "Harry" }, { name: "Ron" }]);
  });

  it("documents the tags, in the given order, with their metadata", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const ok = { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } };
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/users/": { get: { tags: ["users"], summary: "Get Users", operationId: "get_users_users__get", responses: ok } },
        "/items/": { get: { tags: ["items"], summary: "Get Items", operationId: "get_items_items__get", responses: ok } },
      },
      tags: [
        { name: "users", description: "Operations with users. The **login** logic is also here." },
        {
          name: "items",
          description: "Manage items. So _fancy_ they have their own docs.",
          externalDocs: { description: "Items external docs", url: "https://fastapi.tiangolo.com/" },
        },
      ],
    });
  });
});
