import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("response_model/tutorial004", () => {
  it.each([
    ["/items/foo", { name: "Foo", price: 50.2 }],
    ["/items/bar", { name: "Bar", description: "The bartenders", price: 62, tax: 20.2 }],
    ["/items/baz", { name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] }],
  ])("GET %s sends only the fields that were set", async (url, data) => {
    const response = await client.get(url);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(data);
  });

  it("documents the defaults of the model", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    const operation = ["/items/{item_id}", "get"];
    expect(openapi.paths).toHaveProperty([...operation, "summary"], "Read Item");
    expect(openapi.paths).toHaveProperty([...operation, "operationId"], "read_item_items__item_id__get");
    expect(openapi.paths).toHaveProperty([...operation, "parameters"], [
      { name: "item_id", in: "path", required: true, schema: { type: "string", title: "Item Id" } },
    ]);
    expect(openapi.paths).toHaveProperty([...operation, "responses", "200"], {
      description: "Successful Response",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
    });
    expect(openapi.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        price: { title: "Price", type: "number" },
        tax: { title: "Tax", type: "number", default: 10.5 },
        tags: { title: "Tags", type: "array", items: { type: "string" }, default: [] },
      },
      required: ["name", "price"],
    });
  });
});
