import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const missing = (field: string) => ({ type: "missing", loc: ["body", field], msg: "Field required", input: null });

describe("request_forms/tutorial001", () => {
  it("reads the form fields", async () => {
    const response = await client.post("/login/", { data: { username: "Foo", password: "secret" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ username: "Foo" });
  });

  it("reports a missing password", async () => {
    const response = await client.post("/login/", { data: { username: "Foo" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("password")] });
  });

  it("reports a missing username", async () => {
    const response = await client.post("/login/", { data: { password: "secret" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("username")] });
  });

  it("reports both fields when there is no body", async () => {
    const response = await client.post("/login/");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("username"), missing("password")] });
  });

  it("does not read JSON as form fields", async () => {
    const response = await client.post("/login/", { json: { username: "Foo", password: "secret" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("username"), missing("password")] });
  });

  it("documents a urlencoded request body", async () => {
    const response = await client.get("/openapi.json");
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/login/": {
          post: {
            summary: "Login",
            operationId: "login_login__post",
            requestBody: {
              content: { "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Body_login_login__post" } } },
              required: true,
            },
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
              "422": {
                description: "Validation Error",
                content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Body_login_login__post: {
            title: "Body_login_login__post",
            type: "object",
            properties: {
              username: { title: "Username", type: "string" },
              password: { title: "Password", type: "string" },
            },
            required: ["username", "password"],
          },
          HTTPValidationError: {
            title: "HTTPValidationError",
            type: "object",
            properties: {
              detail: { title: "Detail", type: "array", items: { $ref: "#/components/schemas/ValidationError" } },
            },
          },
          ValidationError: {
            title: "ValidationError",
            type: "object",
            properties: {
              loc: { title: "Location", type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
              msg: { title: "Message", type: "string" },
              type: { title: "Error Type", type: "string" },
              input: { title: "Input" },
              ctx: { title: "Context", type: "object" },
            },
            required: ["loc", "msg", "type"],
          },
        },
      },
    });
  });
});
