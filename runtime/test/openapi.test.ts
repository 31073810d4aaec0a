import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APIRouter, Body, FastAPI, File, Form, Path, Query, TestClient, UploadFile } from "../src/index.ts";

const validationComponents = {
  HTTPValidationError: {
    properties: { detail: { items: { $ref: "#/components/schemas/ValidationError" }, type: "array", title: "Detail" } },
    type: "object", title: "HTTPValidationError",
  },
  ValidationError: {
    properties: {
      loc: { items: { anyOf: [{ type: "string" }, { type: "integer" }] }, type: "array", title: "Location" },
      msg: { type: "string", title: "Message" },
      type: { type: "string", title: "Error Type" },
      input: { title: "Input" },
      ctx: { type: "object", title: "Context" },
    },
    type: "object", required: ["loc", "msg", "type"], title: "ValidationError",
  },
};
const r422 = { description: "Validation Error", content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } } };
const ok = (schema: unknown = {}) => ({ description: "Successful Response", content: { "application/json": { schema } } });

describe("OpenAPI 3.1 as FastAPI builds it", () => {
  it("documents the design sketch app", () => {
    const app = new FastAPI();
    const Item = z.object({ name: z.string(), price: z.number(), tax: z.number().nullable().default(null) }).meta({ id: "Item" });
    app.get("/items/{item_id}", {
      params: {
        item_id: Path(z.int().gte(1), { title: "The ID of the item to get" }),
        q: Query(z.string().max(50).nullable().default(null), { alias: "item-query" }),
      },
    }, async function read_item({ item_id, q }) {
      return { item_id, q };
    });
    app.post("/items/", { params: { item: Item }, responseModel: Item, statusCode: 201 }, async function create_item({ item }) {
      return item;
    });
    expect(app.openapi()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/{item_id}": {
          get: {
            summary: "Read Item",
            operationId: "read_item_items__item_id__get",
            parameters: [
              { name: "item_id", in: "path", required: true, schema: { type: "integer", minimum: 1, title: "The ID of the item to get" } },
              { name: "item-query", in: "query", required: false, schema: { anyOf: [{ type: "string", maxLength: 50 }, { type: "null" }], title: "Item-Query" } },
            ],
            responses: { "200": ok(), "422": r422 },
          },
        },
        "/items/": {
          post: {
            summary: "Create Item",
            operationId: "create_item_items__post",
            requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } }, required: true },
            responses: { "201": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } }, "422": r422 },
          },
        },
      },
      components: {
        schemas: {
          ...validationComponents,
          Item: {
            properties: {
              name: { type: "string", title: "Name" },
              price: { type: "number", title: "Price" },
              tax: { anyOf: [{ type: "number" }, { type: "null" }], title: "Tax" },
            },
            type: "object", required: ["name", "price"], title: "Item",
          },
        },
      },
    });
    expect(Object.keys((app.openapi().components as { schemas: object }).schemas)).toEqual(["HTTPValidationError", "Item", "ValidationError"]);
  });

  it("combines several body parameters into Body_<operationId>", () => {
    const app = new FastAPI();
    const Item = z.object({ name: z.string() }).meta({ id: "Item" });
    const User = z.object({ username: z.string() }).meta({ id: "User" });
    app.put("/items/{item_id}", { params: { item_id: z.int(), item: Item, user: User, importance: Body(z.int()) } }, async function update_item(a) {
      return a;
    });
    const doc = app.openapi();
    const op = doc.paths["/items/{item_id}"]!.put as Record<string, unknown>;
    expect(op.requestBody).toEqual({ content: { "application/json": { schema: { $ref: "#/components/schemas/Body_update_item_items__item_id__put" } } }, required: true });
    expect((doc.components as { schemas: Record<string, unknown> }).schemas.Body_update_item_items__item_id__put).toEqual({
      properties: { item: { $ref: "#/components/schemas/Item" }, user: { $ref: "#/components/schemas/User" }, importance: { type: "integer", title: "Importance" } },
      type: "object", required: ["item", "user", "importance"], title: "Body_update_item_items__item_id__put",
    });
  });

  it("documents forms and files as FastAPI does", () => {
    const app = new FastAPI();
    app.post("/login/", { params: { username: Form(z.string()), password: Form(z.string()) } }, async function login({ username }) {
      return { username };
    });
    app.post("/files/", { params: { file: File(), fileb: UploadFile, token: Form(z.string()) } }, async function create_file({ file, token }) {
      return { file_size: file.length, token };
    });
    const doc = app.openapi();
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    expect((doc.paths["/login/"]!.post as Record<string, unknown>).requestBody).toEqual({
      content: { "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Body_login_login__post" } } }, required: true,
    });
    expect(schemas.Body_login_login__post).toEqual({
      properties: { username: { type: "string", title: "Username" }, password: { type: "string", title: "Password" } },
      type: "object", required: ["username", "password"], title: "Body_login_login__post",
    });
    expect((doc.paths["/files/"]!.post as Record<string, unknown>).requestBody).toEqual({
      content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/Body_create_file_files__post" } } }, required: true,
    });
    expect(schemas.Body_create_file_files__post).toEqual({
      properties: {
        // OpenAPI 3.1, as current FastAPI writes uploads: the media type, not `format: binary`.
        file: { type: "string", contentMediaType: "application/octet-stream", title: "File" },
        fileb: { type: "string", contentMediaType: "application/octet-stream", title: "Fileb" },
        token: { type: "string", title: "Token" },
      },
      type: "object", required: ["file", "fileb", "token"], title: "Body_create_file_files__post",
    });
  });

  it("splits a model into -Input/-Output only when its directions differ", () => {
    const Item = z.object({ name: z.string(), size: z.string().transform((s) => s.length) }).meta({ id: "Item" });
    const Plain = z.object({ name: z.string(), description: z.string().nullable().default(null) }).meta({ id: "Plain" });
    const build = (separate?: boolean) => {
      const app = new FastAPI({ separateInputOutputSchemas: separate });
      app.post("/items/", { params: { item: Item }, responseModel: Item }, async function create({ item }) { return item; });
      app.post("/plain/", { params: { item: Plain }, responseModel: Plain }, async function plain({ item }) { return item; });
      return app.openapi();
    };
    const doc = build();
    const schemas = (doc.components as { schemas: Record<string, { title: string }> }).schemas;
    expect(Object.keys(schemas)).toEqual(["HTTPValidationError", "Item-Input", "Item-Output", "Plain", "ValidationError"]);
    expect(schemas["Item-Input"]!.title).toBe("Item");
    const op = doc.paths["/items/"]!.post as { requestBody: unknown; responses: Record<string, unknown> };
    expect(op.requestBody).toEqual({ content: { "application/json": { schema: { $ref: "#/components/schemas/Item-Input" } } }, required: true });
    expect(op.responses["200"]).toEqual(ok({ $ref: "#/components/schemas/Item-Output" }));
    expect(schemas.Plain).toEqual({
      properties: { name: { type: "string", title: "Name" }, description: { anyOf: [{ type: "string" }, { type: "null" }], title: "Description" } },
      type: "object", required: ["name"], title: "Plain",
    });
    expect(Object.keys((build(false).components as { schemas: object }).schemas)).toEqual(["HTTPValidationError", "Item", "Plain", "ValidationError"]);
  });

  it("documents metadata, tags, servers, responses, deprecation and hidden operations", () => {
    const app = new FastAPI({
      title: "ChimichangApp", summary: "Deadpool's favorite app. Nuff said.", description: "Chimichangas", version: "0.0.1",
      termsOfService: "http://example.com/terms/", contact: { name: "Deadpoolio the Amazing", url: "http://x-force.example.com/contact/", email: "dp@x-force.example.com" },
      license: { name: "Apache 2.0", identifier: "MIT" }, servers: [{ url: "https://stag.example.com", description: "Staging environment" }],
      openapiTags: [{ name: "users", description: "Operations with users." }],
    });
    const Message = z.object({ message: z.string() }).meta({ id: "Message" });
    const router = new APIRouter({ prefix: "/items", tags: ["items"], responses: { 404: { description: "Not found" } } });
    router.get("/{item_id}", {
      params: { item_id: z.string() }, responses: { 403: { description: "Operation forbidden" }, 418: { model: Message } },
      deprecated: true, description: "Read one item",
    }, async function read_item({ item_id }) { return { item_id }; });
    router.get("/hidden", { includeInSchema: false }, async function hidden() { return {}; });
    app.includeRouter(router);
    app.get("/users/", { tags: ["users"], summary: "List users", operationId: "listUsers", responseDescription: "The users" }, async function read_users() { return []; });
    const doc = app.openapi();
    expect(doc.info).toEqual({
      title: "ChimichangApp", summary: "Deadpool's favorite app. Nuff said.", description: "Chimichangas", termsOfService: "http://example.com/terms/",
      contact: { name: "Deadpoolio the Amazing", url: "http://x-force.example.com/contact/", email: "dp@x-force.example.com" },
      license: { name: "Apache 2.0", identifier: "MIT" }, version: "0.0.1",
    });
    expect(Object.keys(doc)).toEqual(["openapi", "info", "servers", "paths", "components", "tags"]);
    expect(doc.servers).toEqual([{ url: "https://stag.example.com", description: "Staging environment" }]);
    expect(doc.tags).toEqual([{ name: "users", description: "Operations with users." }]);
    expect(Object.keys(doc.paths)).toEqual(["/items/{item_id}", "/users/"]);
    expect(doc.paths["/items/{item_id}"]!.get).toEqual({
      tags: ["items"], summary: "Read Item", description: "Read one item", operationId: "read_item_items__item_id__get", deprecated: true,
      parameters: [{ name: "item_id", in: "path", required: true, schema: { type: "string", title: "Item Id" } }],
      responses: {
        "200": ok(),
        "404": { description: "Not found" },
        "403": { description: "Operation forbidden" },
        "418": { description: "I'm a Teapot", content: { "application/json": { schema: { $ref: "#/components/schemas/Message" } } } },
        "422": r422,
      },
    });
    expect(doc.paths["/users/"]!.get).toEqual({
      tags: ["users"], summary: "List users", operationId: "listUsers", responses: { "200": { description: "The users", content: { "application/json": { schema: {} } } } },
    });
  });

  it("documents descriptions, examples, deprecation and hidden parameters", () => {
    const app = new FastAPI();
    app.get("/items/", {
      params: {
        q: Query(z.string().min(3).nullable().default(null), { title: "Query string", description: "Query string for the items to search", deprecated: true, examples: ["x"] }),
        hidden_query: Query(z.string().nullable().default(null), { includeInSchema: false }),
        list: Query(z.array(z.string()).default(["foo", "bar"])),
        x_token: z.array(z.string()).optional(),
      },
      responseModel: z.array(z.object({ name: z.string() })),
    }, async function read_items(a) { return [a]; });
    const op = app.openapi().paths["/items/"]!.get as { parameters: unknown[]; responses: Record<string, unknown> };
    expect(op.parameters).toEqual([
      { description: "Query string for the items to search", required: false, deprecated: true, name: "q", in: "query",
        schema: { anyOf: [{ type: "string", minLength: 3 }, { type: "null" }], title: "Query string", description: "Query string for the items to search", examples: ["x"], deprecated: true } },
      { required: false, name: "list", in: "query", schema: { type: "array", items: { type: "string" }, default: ["foo", "bar"], title: "List" } },
      { required: false, name: "x_token", in: "query", schema: { type: "array", items: { type: "string" }, title: "X Token" } },
    ]);
    expect(op.responses["200"]).toEqual(ok({ type: "array", items: { type: "object", properties: { name: { type: "string", title: "Name" } }, required: ["name"] }, title: "Response Read Items Items  Get" }));
  });

  it("is served at /openapi.json and cached", async () => {
    const app = new FastAPI({ openapiUrl: "/api/v1/openapi.json" });
    app.get("/", async function root() { return {}; });
    const client = new TestClient(app);
    expect((await client.get("/api/v1/openapi.json")).json()).toEqual(app.openapi());
    expect((await client.get("/docs")).text).toContain('url: "/api/v1/openapi.json"');
    expect(app.openapi()).toBe(app.openapi());
  });
});
