import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params/tutorial003", () => {
  it("GET /users/me reaches the fixed path, declared first", async () => {
    const response = await client.get("/users/me");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ user_id: "the current user" });
  });

  it("any other user id reaches /users/{user_id}", async () => {
    const response = await client.get("/users/alice");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ user_id: "alice" });
  });

  it("documents both paths", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const { paths } = response.json<{ paths: Record<string, unknown> }>();
    expect(paths).toEqual({
      "/users/me": {
        get: {
          summary: "Read User Me",
          operationId: "read_user_me_users_me_get",
          responses: {
            "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
          },
        },
      },
      "/users/{user_id}": {
        get: {
          summary: "Read User",
          operationId: "read_user_users__user_id__get",
          parameters: [{ required: true, schema: { type: "string", title: "User Id" }, name: "user_id", in: "path" }],
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
  });
});
