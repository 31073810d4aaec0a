import { beforeEach, describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, log } from "./main.ts";

const client = new TestClient(app);

describe("concurrency/tutorial001", () => {
  beforeEach(() => {
    log.length = 0;
  });

  it("serves a burger", async () => {
    const response = await client.get("/burgers");
    expect(response.status).toBe(200);
    expect(response.json<{ burger: string }>().burger).toBe("burger");
  });

  it("starts the second order while the first one waits", async () => {
    await Promise.all([client.get("/burgers"), client.get("/burgers")]);
    expect(log.map((line) => line.replace(/^order \d+: /, ""))).toEqual(["started", "started", "served", "served"]);
  });

  it("finishes each blocking order before the next one starts", async () => {
    await Promise.all([client.get("/burgers-blocking"), client.get("/burgers-blocking")]);
    expect(log.map((line) => line.replace(/^order \d+: /, ""))).toEqual(["started", "served", "started", "served"]);
  });

  it("shows the log", async () => {
    await client.get("/burgers");
    const response = await client.get("/log");
    expect(response.json()).toEqual([expect.stringMatching(/^order \d+: started$/), expect.stringMatching(/^order \d+: served$/)]);
  });
});
