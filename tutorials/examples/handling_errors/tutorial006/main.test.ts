import { describe, it, expect } from "vitest";
import { TestClient, type TestResponse } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

/** Sends a request, collecting what the app logs meanwhile. */
async function withLog(send: () => Promise<TestResponse>): Promise<[TestResponse, string[]]> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  try {
    return [await send(), lines];
  } finally {
    console.log = original;
  }
}

describe("handling_errors/tutorial006", () => {
  it("logs, then answers the default 422", async () => {
    const [response, lines] = await withLog(() => client.get("/items/foo"));
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "int_parsing",
          loc: ["path", "item_id"],
          msg: "Input should be a valid integer, unable to parse string as an integer",
          input: "foo",
        },
      ],
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^OMG! The client sent invalid data!: \[\{"type":"int_parsing"/);
  });

  it("logs, then answers the default HTTP error", async () => {
    const [response, lines] = await withLog(() => client.get("/items/3"));
    expect(response.status).toBe(418);
    expect(response.json()).toEqual({ detail: "Nope! I don't like 3." });
    expect(lines).toEqual(['OMG! An HTTP error!: 418 "Nope! I don\'t like 3."']);
  });

  it("answers a valid item without logging", async () => {
    const [response, lines] = await withLog(() => client.get("/items/2"));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 2 });
    expect(lines).toEqual([]);
  });
});
