import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("response_headers/tutorial002", () => {
  it("adds the header to the response built from the returned data", async () => {
    const response = await client.get("/headers-and-object/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World" });
    expect(response.headers.get("X-Cat-Dog")).toBe("alone in the world");
    expect(response.headers.get("content-type")).toBe("application/json");
  });
});
