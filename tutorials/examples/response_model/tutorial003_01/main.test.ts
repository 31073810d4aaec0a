import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("response_model/tutorial003_01", () => {
  it("filters the password out of the response", async () => {
    const response = await client.post("/user/", {
      json: { username: "foo", password: "fighter", email: "foo@example.com", full_name: "Grave Dohl" },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ username: "foo", email: "foo@example.com", full_name: "Grave Dohl" });
  });

  it("rejects an invalid email address", async () => {
    const response = await client.post("/user/", { json: { username: "foo", password: "fighter", email: "foo" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "value_error",
          loc: ["body", "email"],
          msg: "value is not a valid email address: An email address must have an @-sign.",
          input: "foo",
          ctx: { reason: "An email address must have an @-sign." },
        },
      ],
    });
  });

  it("documents the input and the output models", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toEqual({
      "/user/": {
        post: {
          summary: "Create User",
          operationId: "create_user_user__post",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/UserIn" } } }, required: true },
          responses: {
            "200": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/BaseUser" } } } },
            "422": {
              description: "Validation Error",
              content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
            },
          },
        },
      },
    });
    const email = { title: "Email", type: "string", format: "email" };
    const fullName = { title: "Full Name", anyOf: [{ type: "string" }, { type: "null" }] };
    expect(openapi.components.schemas.BaseUser).toEqual({
      title: "BaseUser",
      type: "object",
      properties: { username: { title: "Username", type: "string" }, email, full_name: fullName },
      required: ["username", "email"],
    });
    expect(openapi.components.schemas.UserIn).toEqual({
      title: "UserIn",
      type: "object",
      properties: { username: { title: "Username", type: "string" }, email, full_name: fullName, password: { title: "Password", type: "string" } },
      required: ["username", "email", "password"],
    });
  });
});
