import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("response_cookies/tutorial002", () => {
  it("sets the cookie along with the JSON", async () => {
    const response = await client.post("/cookie-and-object/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Come to the dark side, we have cookies" });
    expect(response.headers.get("set-cookie")).toBe("fakesession=fake-cookie-session-value; Path=/; SameSite=lax");
    expect(client.cookies.fakesession).toBe("fake-cookie-session-value");
  });
});
