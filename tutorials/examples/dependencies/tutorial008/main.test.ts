import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("dependencies/tutorial008", () => {
  it("injects what dependency_c yields", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ c: "dep_c" });
  });

  it("sets the chain up in order and closes it in reverse, each while its own dependency is still open", async () => {
    const before = (await client.get("/log/")).json<string[]>().length;
    await client.get("/");
    const log = (await client.get("/log/")).json<string[]>();
    expect(log.slice(before)).toEqual([
      "dep_a created",
      "dep_b created",
      "dep_c created",
      "dep_c closed (dep_b still open)",
      "dep_b closed (dep_a still open)",
      "dep_a closed",
    ]);
  });
});
