import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("server_sent_events/tutorial003", () => {
  it("sends raw data as is, without JSON quotes", async () => {
    const response = await client.get("/logs/stream");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.text).toBe(
      "data: 2025-01-01 INFO  Application started\n\n"
      + "data: 2025-01-01 DEBUG Connected to database\n\n"
      + "data: 2025-01-01 WARN  High memory usage detected\n\n",
    );
  });
});
