import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

const missing = (field: string, input: unknown) => ({ type: "missing", loc: ["body", field], msg: "Field required", input });

describe("request_form_models/tutorial002", () => {
  it("reads the form fields into the model", async () => {
    const response = await client.post("/login/", { data: { username: "Foo", password: "secret" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ username: "Foo", password: "secret" });
  });

  it("forbids extra fields", async () => {
    const response = await client.post("/login/", { data: { username: "Foo", password: "secret", extra: "extra" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "extra_forbidden", loc: ["body", "extra"], msg: "Extra inputs are not permitted", input: "extra" }],
    });
  });

  it("reports a missing password, echoing the form", async () => {
    const response = await client.post("/login/", { data: { username: "Foo" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("password", { username: "Foo" })] });
  });

  it("reports a missing username, echoing the form", async () => {
    const response = await client.post("/login/", { data: { password: "secret" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("username", { password: "secret" })] });
  });

  it("reports both fields when there is no body", async () => {
    const response = await client.post("/login/");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("username", {}), missing("password", {})] });
  });

  it("does not read JSON as form fields", async () => {
    const response = await client.post("/login/", { json: { username: "Foo", password: "secret" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("username", {}), missing("password", {})] });
  });

  it("documents the model as the urlencoded body", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toEqual({
      "/login/": {
        post: {
          summary: "Login",
          operationId: "login_login__post",
          requestBody: {
            content: { "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/FormData" } } },
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
    });
    expect(openapi.components.schemas.FormData).toEqual({
      title: "FormData",
      type: "object",
      properties: {
        username: { title: "Username", type: "string" },
        password: { title: "Password", type: "string" },
      },
      additionalProperties: false,
      required: ["username", "password"],
    });
  });
});
