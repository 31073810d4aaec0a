import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("handling_errors/tutorial004", () => {
  it("answers validation errors as plain text with a 400", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.text).toBe(
      "Validation errors:\nField: ('path', 'item_id'), Error: Input should be a valid integer, unable to parse string as an integer",
    );
  });

  it("answers HTTP errors as plain text", async () => {
    const response = await client.get("/items/3");
    expect(response.status).toBe(418);
    expect(response.text).toBe("Nope! I don't like 3.");
  });

  it("answers HTTP errors raised by fastapi-ts itself as plain text", async () => {
    const response = await client.get("/nowhere");
    expect(response.status).toBe(404);
    expect(response.text).toBe("Not Found");
  });

  it("answers a valid item", async () => {
    const response = await client.get("/items/2");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 2 });
  });

  it("still documents the default 422", async () => {
    const response = await client.get("/openapi.json");
    expect(response.json()).toHaveProperty(["paths", "/items/{item_id}", "get", "responses"], {
      "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
      "422": {
        description: "Validation Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
      },
    });
  });
});
