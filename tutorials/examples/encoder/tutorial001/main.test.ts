import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, fake_db } from "./main.ts";

const client = new TestClient(app);

describe("encoder/tutorial001", () => {
  it("stores the item as JSON-compatible data, the timestamp as a string", async () => {
    const response = await client.put("/items/123", {
      json: { title: "Foo", timestamp: "2023-01-01T12:00:00", description: "An optional description" },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toBeNull();
    expect(fake_db["123"]).toEqual({
      title: "Foo",
      timestamp: "2023-01-01T12:00:00",
      description: "An optional description",
    });
  });

  it("keeps a timestamp's offset and its fraction of a second", async () => {
    const response = await client.put("/items/124", { json: { title: "Bar", timestamp: "2023-01-01T12:00:00.25+02:00" } });
    expect(response.status).toBe(200);
    expect(fake_db["124"]).toEqual({ title: "Bar", timestamp: "2023-01-01T12:00:00.250000+02:00", description: null });
  });

  it("rejects an invalid timestamp and stores nothing", async () => {
    const response = await client.put("/items/345", { json: { title: "Foo", timestamp: "not a date" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "datetime_from_date_parsing",
          loc: ["body", "timestamp"],
          msg: "Input should be a valid datetime or date, invalid character in year",
          input: "not a date",
          ctx: { error: "invalid character in year" },
        },
      ],
    });
    expect("345" in fake_db).toBe(false);
  });

  it("documents the timestamp as a date-time string", async () => {
    const response = await client.get("/openapi.json");
    expect(response.json()).toHaveProperty(["components", "schemas", "Item"], {
      title: "Item",
      type: "object",
      properties: {
        title: { title: "Title", type: "string" },
        timestamp: { title: "Timestamp", type: "string", format: "date-time" },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
      },
      required: ["title", "timestamp"],
    });
    expect(response.json()).toHaveProperty(["paths", "/items/{id}", "put", "operationId"], "update_item_items__id__put");
  });
});
