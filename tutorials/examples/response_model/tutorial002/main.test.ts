import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("response_model/tutorial002", () => {
  it("sends the input back, password included", async () => {
    const user = { username: "foo", password: "fighter", email: "foo@example.com", full_name: "Grave Dohl" };
    const response = await client.post("/user/", { json: user });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(user);
  });

  it("fills the default full name", async () => {
    const response = await client.post("/user/", { json: { username: "foo", password: "fighter", email: "foo@example.com" } });
    expect(response.json()).toEqual({ username: "foo", password: "fighter", email: "foo@example.com", full_name: null });
  });

  it("documents one model for the request and the response", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toHaveProperty(["/user/", "post", "requestBody"], { content: { "application/json": { schema: { $ref: "#/components/schemas/UserIn" } } }, required: true });
    expect(openapi.paths).toHaveProperty(["/user/", "post", "responses", "200"], {
      description: "Successful Response",
      content: { "application/json": { schema: { $ref: "#/components/schemas/UserIn" } } },
    });
    expect(openapi.components.schemas.UserIn).toEqual({
      title: "UserIn",
      type: "object",
      properties: {
        username: { title: "Username", type: "string" },
        password: { title: "Password", type: "string" },
        email: { title: "Email", type: "string", format: "email" },
        full_name: { title: "Full Name", anyOf: [{ type: "string" }, { type: "null" }] },
      },
      required: ["username", "password", "email"],
    });
  });
});
