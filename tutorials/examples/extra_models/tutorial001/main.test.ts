import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("extra_models/tutorial001", () => {
  it("saves the user and answers without any password", async () => {
    const response = await client.post("/user/", {
      json: { username: "johndoe", password: "secret", email: "johndoe@example.com", full_name: "John Doe" },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ username: "johndoe", email: "johndoe@example.com", full_name: "John Doe" });
  });

  it("fills the default full name", async () => {
    const response = await client.post("/user/", { json: { username: "johndoe", password: "secret", email: "johndoe@example.com" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ username: "johndoe", email: "johndoe@example.com", full_name: null });
  });

  it("reports a missing password", async () => {
    const response = await client.post("/user/", { json: { username: "johndoe", email: "johndoe@example.com" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "missing", loc: ["body", "password"], msg: "Field required", input: { username: "johndoe", email: "johndoe@example.com" } },
      ],
    });
  });

  it("documents the input and output models, not the database one", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toEqual({
      "/user/": {
        post: {
          summary: "Create User",
          operationId: "create_user_user__post",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/UserIn" } } }, required: true },
          responses: {
            "200": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/UserOut" } } } },
            "422": {
              description: "Validation Error",
              content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
            },
          },
        },
      },
    });
    const username = { title: "Username", type: "string" };
    const email = { title: "Email", type: "string", format: "email" };
    const full_name = { title: "Full Name", anyOf: [{ type: "string" }, { type: "null" }] };
    expect(openapi.components.schemas.UserIn).toEqual({
      title: "UserIn",
      type: "object",
      properties: { username, password: { title: "Password", type: "string" }, email, full_name },
      required: ["username", "password", "email"],
    });
    expect(openapi.components.schemas.UserOut).toEqual({
      title: "UserOut",
      type: "object",
      properties: { username, email, full_name },
      required: ["username", "email"],
    });
    expect(Object.keys(openapi.components.schemas).sort()).toEqual(["HTTPValidationError", "UserIn", "UserOut", "ValidationError"]);
  });
});
