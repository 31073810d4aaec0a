import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_params/tutorial006", () => {
  it("fills the defaults of skip and limit", async () => {
    const response = await client.get("/items/foo?needy=very");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: "foo", needy: "very", skip: 0, limit: null });
  });

  it("reads all three query parameters", async () => {
    const response = await client.get("/items/foo?needy=very&skip=20&limit=5");
    expect(response.json()).toEqual({ item_id: "foo", needy: "very", skip: 20, limit: 5 });
  });

  it("reports every problem at once", async () => {
    const response = await client.get("/items/foo?skip=a&limit=b");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "missing", loc: ["query", "needy"], msg: "Field required", input: null },
        { type: "int_parsing", loc: ["query", "skip"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "a" },
        { type: "int_parsing", loc: ["query", "limit"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "b" },
      ],
    });
  });

  it("documents one required, one defaulted and one optional query parameter", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/{item_id}"]!.get.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "string", title: "Item Id" } },
      { name: "needy", in: "query", required: true, schema: { type: "string", title: "Needy" } },
      { name: "skip", in: "query", required: false, schema: { type: "integer", default: 0, title: "Skip" } },
      { name: "limit", in: "query", required: false, schema: { anyOf: [{ type: "integer" }, { type: "null" }], title: "Limit" } },
    ]);
  });
});
