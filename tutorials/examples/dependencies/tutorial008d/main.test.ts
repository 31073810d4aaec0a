import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, InternalError } from "./main.ts";

describe("dependencies/tutorial008d", () => {
  it("answers 404 for an unknown item", async () => {
    const response = await new TestClient(app).get("/items/foo");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Item not found, there's only a plumbus here" });
  });

  it("returns the plumbus", async () => {
    const response = await new TestClient(app).get("/items/plumbus");
    expect(response.status).toBe(200);
    expect(response.json()).toBe("plumbus");
  });

  it("lets the InternalError reach the server (the TestClient throws it)", async () => {
    const error = await new TestClient(app).get("/items/portal-gun").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalError);
    expect((error as Error).message).toBe("The portal gun is too dangerous to be owned by Rick");
  });

  it("answers the client with a plain 500", async () => {
    const response = await new TestClient(app, { raiseServerExceptions: false }).get("/items/portal-gun");
    expect(response.status).toBe(500);
    expect(response.text).toBe("Internal Server Error");
  });
});
