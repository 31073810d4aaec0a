import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("dependencies/tutorial008e", () => {
  it("returns the username", async () => {
    const response = await client.get("/users/me");
    expect(response.status).toBe(200);
    expect(response.json()).toBe("Rick");
  });
});
