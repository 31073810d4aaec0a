import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("response_headers/tutorial001", () => {
  it("sends the custom headers", async () => {
    const response = await client.get("/headers/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World" });
    expect(response.headers.get("X-Cat-Dog")).toBe("alone in the world");
    expect(response.headers.get("Content-Language")).toBe("en-US");
  });
});
