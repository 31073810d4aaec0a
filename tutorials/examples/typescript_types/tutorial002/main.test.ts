import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("typescript_types/tutorial002", () => {
  it("fills what was left out: null for bio, the default for country, nothing for nickname", async () => {
    const response = await client.post("/users/", { json: { name: "Lucy", middle_name: null } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Lucy", middle_name: null, bio: null, country: "Narnia" });
  });

  it("keeps every value that was sent", async () => {
    const user = { name: "Edmund", nickname: "Ed", middle_name: "Peter", bio: "King", country: "Archenland" };
    const response = await client.post("/users/", { json: user });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(user);
  });

  it("requires middle_name, even though it may be null", async () => {
    const response = await client.post("/users/", { json: { name: "Lucy" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "middle_name"], msg: "Field required", input: { name: "Lucy" } }],
    });
  });

  it("refuses null where the field may only be left out", async () => {
    const response = await client.post("/users/", { json: { name: "Lucy", middle_name: null, nickname: null, country: null } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "string_type", loc: ["body", "nickname"], msg: "Input should be a valid string", input: null },
        { type: "string_type", loc: ["body", "country"], msg: "Input should be a valid string", input: null },
      ],
    });
  });

  it("documents which fields are required and which may be null", async () => {
    const openapi = (await client.get("/openapi.json")).json<{ components: { schemas: Record<string, unknown> } }>();
    expect(openapi.components.schemas.User).toEqual({
      title: "User",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        nickname: { title: "Nickname", type: "string" },
        middle_name: { title: "Middle Name", anyOf: [{ type: "string" }, { type: "null" }] },
        bio: { title: "Bio", anyOf: [{ type: "string" }, { type: "null" }] },
        country: { title: "Country", type: "string", default: "Narnia" },
      },
      required: ["name", "middle_name"],
    });
  });
});
