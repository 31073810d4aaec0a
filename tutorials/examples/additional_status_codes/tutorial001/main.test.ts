import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("additional_status_codes/tutorial001", () => {
  it("updates an existing item with the default 200", async () => {
    const response = await client.put("/items/foo", { json: { name: "Wrestlers" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Wrestlers", size: null });
  });

  it("creates a missing item and answers 201", async () => {
    const response = await client.put("/items/red", { json: { name: "Chillies" } });
    expect(response.status).toBe(201);
    expect(response.json()).toEqual({ name: "Chillies", size: null });
  });

  it("treats any id it does not hold as a new item", async () => {
    for (const id of ["constructor", "__proto__", "toString"]) {
      const response = await client.put(`/items/${id}`, { json: { name: "Odd" } });
      expect(response.status).toBe(201);
      expect(response.json()).toEqual({ name: "Odd", size: null });
    }
    const response = await client.put("/items/bar", { json: { size: 2 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: null, size: 2 });
  });

  it("documents only the main response", async () => {
    const openapi = (await client.get("/openapi.json")).json<{ paths: Record<string, { put: { responses: object } }> }>();
    expect(Object.keys(openapi.paths["/items/{item_id}"]!.put.responses)).toEqual(["200", "422"]);
  });
});
