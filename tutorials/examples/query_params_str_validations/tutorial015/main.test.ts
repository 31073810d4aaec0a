import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_params_str_validations/tutorial015", () => {
  it("answers a random item without an id", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    const { id, name } = response.json<{ id: string; name: string }>();
    expect(typeof id).toBe("string");
    expect(typeof name).toBe("string");
  });

  it("answers the item of a valid id", async () => {
    const response = await client.get("/items/?id=isbn-9781529046137");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: "isbn-9781529046137", name: "The Hitchhiker's Guide to the Galaxy" });
  });

  it("answers null for a valid id it does not know", async () => {
    const response = await client.get("/items/?id=isbn-nope");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: "isbn-nope", name: null });
  });

  it("rejects an id that fails the check, with a value_error", async () => {
    const response = await client.get("/items/?id=wtf-yes");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "value_error",
          loc: ["query", "id"],
          msg: 'Value error, Invalid ID format, it must start with "isbn-" or "imdb-"',
          input: "wtf-yes",
          ctx: { error: {} },
        },
      ],
    });
  });

  it("documents the parameter without the check", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/"]!.get.parameters).toEqual([
      { name: "id", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Id" } },
    ]);
  });
});
