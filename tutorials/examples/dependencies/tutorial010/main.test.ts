import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("dependencies/tutorial010", () => {
  it("injects the session the dependency yields", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ db: expect.stringMatching(/^DBSession #\d+$/) });
  });

  it("opens a new session for each request and closes it after the response", async () => {
    const { db } = (await client.get("/")).json<{ db: string }>();
    const id = db.slice("DBSession #".length);
    const log = (await client.get("/log/")).json<string[]>();
    expect(log.slice(-2)).toEqual([`session ${id} opened`, `session ${id} closed`]);
    const next = (await client.get("/")).json<{ db: string }>();
    expect(next.db).toBe(`DBSession #${Number(id) + 1}`);
  });
});
