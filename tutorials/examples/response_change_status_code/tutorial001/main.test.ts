import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("response_change_status_code/tutorial001", () => {
  it("answers an existing task with the default 200", async () => {
    const response = await client.put("/get-or-create-task/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toBe("Listen to the Bar Fighters");
  });

  it("creates a missing task and answers 201", async () => {
    const response = await client.put("/get-or-create-task/bar");
    expect(response.status).toBe(201);
    expect(response.json()).toBe("This didn't exist before");
    const again = await client.put("/get-or-create-task/bar");
    expect(again.status).toBe(200);
    expect(again.json()).toBe("This didn't exist before");
  });

  it("documents the declared 200 only", async () => {
    const openapi = (await client.get("/openapi.json")).json<{ paths: Record<string, { put: { responses: object } }> }>();
    expect(openapi.paths["/get-or-create-task/{task_id}"]!.put.responses).toEqual({
      "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
      "422": {
        description: "Validation Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
      },
    });
  });
});
