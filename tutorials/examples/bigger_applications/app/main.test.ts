import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const token = { token: "jessica" };
const xToken = { "X-Token": "fake-super-secret-token" };
const missing = (loc: [string, string]) => ({ type: "missing", loc, msg: "Field required", input: null });

describe("bigger_applications/app", () => {
  it("serves the users router, behind the app's query token", async () => {
    let response = await client.get("/users", { params: token });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ username: "Rick" }, { username: "Morty" }]);
    response = await client.get("/users/foo", { params: token });
    expect(response.json()).toEqual({ username: "foo" });
    response = await client.get("/users/me", { params: token });
    expect(response.json()).toEqual({ username: "fakecurrentuser" });
  });

  it("requires the token on every path", async () => {
    for (const path of ["/users", "/users/foo", "/users/me", "/"]) {
      const response = await client.get(path);
      expect(response.status).toBe(422);
      expect(response.json()).toEqual({ detail: [missing(["query", "token"])] });
    }
    const items = await client.get("/items", { headers: xToken });
    expect(items.status).toBe(422);
    expect(items.json()).toEqual({ detail: [missing(["query", "token"])] });
  });

  it("refuses a wrong token", async () => {
    const response = await client.get("/users", { params: { token: "monica" } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "No Jessica token provided" });
  });

  it("serves the items router, behind the X-Token header", async () => {
    let response = await client.get("/items", { params: token, headers: xToken });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ plumbus: { name: "Plumbus" }, gun: { name: "Portal Gun" } });
    response = await client.get("/items/plumbus", { params: token, headers: xToken });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Plumbus", item_id: "plumbus" });
    response = await client.get("/items/bar", { params: token, headers: xToken });
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Item not found" });
    response = await client.get("/items/plumbus", { headers: xToken });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing(["query", "token"])] });
  });

  it("checks the X-Token header", async () => {
    for (const path of ["/items", "/items/bar"]) {
      const response = await client.get(path, { params: token, headers: { "X-Token": "invalid" } });
      expect(response.status).toBe(400);
      expect(response.json()).toEqual({ detail: "X-Token header invalid" });
    }
    for (const path of ["/items", "/items/plumbus"]) {
      const response = await client.get(path, { params: token });
      expect(response.status).toBe(422);
      expect(response.json()).toEqual({ detail: [missing(["header", "x-token"])] });
    }
  });

  it("updates only the plumbus", async () => {
    let response = await client.put("/items/foo");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing(["query", "token"]), missing(["header", "x-token"])] });
    response = await client.put("/items/foo", { headers: { "X-Token": "invalid" } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "X-Token header invalid" });
    response = await client.put("/items/plumbus", { params: token, headers: xToken });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: "plumbus", name: "The great Plumbus" });
    response = await client.put("/items/bar", { params: token, headers: xToken });
    expect(response.status).toBe(403);
    expect(response.json()).toEqual({ detail: "You can only update the item: plumbus" });
  });

  it("includes the admin router under /admin with its own dependency", async () => {
    let response = await client.post("/admin/", { params: token, headers: xToken });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Admin getting schwifty" });
    response = await client.post("/admin/", { headers: { "X-Token": "invalid" } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "X-Token header invalid" });
  });

  it("answers the app's own path operation", async () => {
    const response = await client.get("/", { params: token });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello Bigger Applications!" });
  });

  it("documents every operation with its tags, responses and inherited parameters", async () => {
    const tokenParam = { required: true, schema: { title: "Token", type: "string" }, name: "token", in: "query" };
    const xTokenParam = { required: true, schema: { title: "X-Token", type: "string" }, name: "x-token", in: "header" };
    const pathParam = (name: string, title: string) => ({ required: true, schema: { title, type: "string" }, name, in: "path" });
    const ok = { description: "Successful Response", content: { "application/json": { schema: {} } } };
    const invalid = {
      description: "Validation Error",
      content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
    };
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const doc = response.json<{ paths: unknown; components: { schemas: Record<string, unknown> } }>();
    expect(doc.paths).toEqual({
      "/users/": {
        get: {
          tags: ["users"], summary: "Read Users", operationId: "read_users_users__get",
          parameters: [tokenParam], responses: { "200": ok, "422": invalid },
        },
      },
      "/users/me": {
        get: {
          tags: ["users"], summary: "Read User Me", operationId: "read_user_me_users_me_get",
          parameters: [tokenParam], responses: { "200": ok, "422": invalid },
        },
      },
      "/users/{username}": {
        get: {
          tags: ["users"], summary: "Read User", operationId: "read_user_users__username__get",
          parameters: [pathParam("username", "Username"), tokenParam], responses: { "200": ok, "422": invalid },
        },
      },
      "/items/": {
        get: {
          tags: ["items"], summary: "Read Items", operationId: "read_items_items__get",
          parameters: [tokenParam, xTokenParam],
          responses: { "200": ok, "404": { description: "Not found" }, "422": invalid },
        },
      },
      "/items/{item_id}": {
        get: {
          tags: ["items"], summary: "Read Item", operationId: "read_item_items__item_id__get",
          parameters: [pathParam("item_id", "Item Id"), tokenParam, xTokenParam],
          responses: { "200": ok, "404": { description: "Not found" }, "422": invalid },
        },
        put: {
          tags: ["items", "custom"], summary: "Update Item", operationId: "update_item_items__item_id__put",
          parameters: [pathParam("item_id", "Item Id"), tokenParam, xTokenParam],
          responses: { "200": ok, "404": { description: "Not found" }, "403": { description: "Operation forbidden" }, "422": invalid },
        },
      },
      "/admin/": {
        post: {
          tags: ["admin"], summary: "Update Admin", operationId: "update_admin_admin__post",
          parameters: [tokenParam, xTokenParam],
          responses: { "200": ok, "418": { description: "I'm a teapot" }, "422": invalid },
        },
      },
      "/": {
        get: {
          summary: "Root", operationId: "root__get",
          parameters: [tokenParam], responses: { "200": ok, "422": invalid },
        },
      },
    });
    expect(Object.keys(doc.components.schemas).sort()).toEqual(["HTTPValidationError", "ValidationError"]);
  });
});
