import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_params/tutorial005", () => {
  it("answers when the required needy is given", async () => {
    const response = await client.get("/items/foo-item?needy=sooooneedy");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: "foo-item", needy: "sooooneedy" });
  });

  it("reports a missing needy", async () => {
    const response = await client.get("/items/foo-item");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["query", "needy"], msg: "Field required", input: null }],
    });
  });

  it("documents needy as a required query parameter", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/{item_id}"]!.get).toMatchObject({ summary: "Read User Item", operationId: "read_user_item_items__item_id__get" });
    expect(paths["/items/{item_id}"]!.get.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "string", title: "Item Id" } },
      { name: "needy", in: "query", required: true, schema: { type: "string", title: "Needy" } },
    ]);
  });
});
