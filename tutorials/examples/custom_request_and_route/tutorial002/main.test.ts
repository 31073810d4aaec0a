import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("custom_request_and_route/tutorial002", () => {
  it("sums the numbers", async () => {
    const response = await client.post("/", { json: [1, 2, 3] });
    expect(response.status).toBe(200);
    expect(response.json()).toBe(6);
  });

  it("answers a validation error with the errors and the body it received", async () => {
    const response = await client.post("/", { json: { numbers: [1, 2, 3] } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: {
        errors: [{ type: "list_type", loc: ["body"], msg: "Input should be a valid list", input: { numbers: [1, 2, 3] } }],
        body: '{"numbers":[1,2,3]}',
      },
    });
  });
});
