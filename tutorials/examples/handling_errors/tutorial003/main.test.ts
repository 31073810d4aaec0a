import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("handling_errors/tutorial003", () => {
  it("answers a unicorn", async () => {
    const response = await client.get("/unicorns/shinny");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ unicorn_name: "shinny" });
  });

  it("turns the custom exception into a 418", async () => {
    const response = await client.get("/unicorns/yolo");
    expect(response.status).toBe(418);
    expect(response.json()).toEqual({ message: "Oops! yolo did something. There goes a rainbow..." });
  });

  it("documents only the operation", async () => {
    const response = await client.get("/openapi.json");
    expect(response.json()).toHaveProperty(["paths", "/unicorns/{name}", "get", "parameters"], [
      { name: "name", in: "path", required: true, schema: { title: "Name", type: "string" } },
    ]);
    expect(response.json()).toHaveProperty(["paths", "/unicorns/{name}", "get", "operationId"], "read_unicorn_unicorns__name__get");
  });
});
