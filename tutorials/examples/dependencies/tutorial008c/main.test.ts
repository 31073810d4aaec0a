import { describe, it, expect } from "vitest";
import { FastAPIError, TestClient } from "fastapi-ts";
import { app } from "./main.ts";

describe("dependencies/tutorial008c", () => {
  it("answers 404 for an unknown item (the HTTPException is not caught)", async () => {
    const response = await new TestClient(app).get("/items/foo");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Item not found, there's only a plumbus here" });
  });

  it("returns the plumbus", async () => {
    const response = await new TestClient(app).get("/items/plumbus");
    expect(response.status).toBe(200);
    expect(response.json()).toBe("plumbus");
  });

  it("reports the swallowed error as a FastAPIError", async () => {
    const error = await new TestClient(app).get("/items/portal-gun").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FastAPIError);
    expect((error as Error).message).toContain("a dependency with yield has a `catch` block that does not throw the exception again");
  });

  it("answers the client with a plain 500", async () => {
    const response = await new TestClient(app, { raiseServerExceptions: false }).get("/items/portal-gun");
    expect(response.status).toBe(500);
    expect(response.text).toBe("Internal Server Error");
  });
});
