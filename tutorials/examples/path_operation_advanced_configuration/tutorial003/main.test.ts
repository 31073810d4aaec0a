import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_operation_advanced_configuration/tutorial003", () => {
  it("still answers requests", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ item_id: "Foo" }]);
  });

  it("leaves the operation out of the OpenAPI document", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ openapi: "3.1.0", info: { title: "FastAPI", version: "0.1.0" }, paths: {} });
  });
});
