import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params/tutorial003b", () => {
  it("the first operation registered for a path wins", async () => {
    const response = await client.get("/users");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(["Rick", "Morty"]);
  });

  it("both operations are registered as routes", () => {
    const names = app.routes.filter((r) => "path" in r && r.path === "/users").map((r) => ("name" in r ? r.name : ""));
    expect(names).toEqual(["read_users", "read_users2"]);
  });
});
