import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("response_model/tutorial005", () => {
  it("keeps only the included fields", async () => {
    const response = await client.get("/items/bar/name");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Bar", description: "The Bar fighters" });
  });

  it("fills a default before keeping the included fields", async () => {
    const response = await client.get("/items/foo/name");
    expect(response.json()).toEqual({ name: "Foo", description: null });
  });

  it("drops the excluded fields", async () => {
    const response = await client.get("/items/bar/public");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Bar", description: "The Bar fighters", price: 62 });
  });

  it("documents the whole model for both operations", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    const ok = { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } };
    expect(openapi.paths).toHaveProperty(["/items/{item_id}/name", "get", "responses", "200"], ok);
    expect(openapi.paths).toHaveProperty(["/items/{item_id}/name", "get", "operationId"], "read_item_name_items__item_id__name_get");
    expect(openapi.paths).toHaveProperty(["/items/{item_id}/public", "get", "responses", "200"], ok);
    expect(openapi.paths).toHaveProperty(["/items/{item_id}/public", "get", "operationId"], "read_item_public_data_items__item_id__public_get");
    expect(openapi.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        price: { title: "Price", type: "number" },
        tax: { title: "Tax", type: "number", default: 10.5 },
      },
      required: ["name", "price"],
    });
  });
});
