import { afterAll, describe, it, expect } from "vitest";
import { dependency, TestClient } from "fastapi-ts";
import { z } from "zod";
import { app, common_parameters } from "./main.ts";

const client = new TestClient(app);

const override_dependency = dependency(
  { params: { q: z.string().nullable().default(null) } },
  async function override_dependency({ q }) {
    return { q, skip: 5, limit: 10 };
  },
);

app.dependencyOverrides.set(common_parameters, override_dependency);

describe("dependency_testing/tutorial001", () => {
  afterAll(() => {
    app.dependencyOverrides.clear();
  });

  it("uses the override in /items/", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello Items!", params: { q: null, skip: 5, limit: 10 } });
  });

  it("passes q through the override", async () => {
    const response = await client.get("/items/?q=foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello Items!", params: { q: "foo", skip: 5, limit: 10 } });
  });

  it("ignores skip and limit, which the override does not declare", async () => {
    const response = await client.get("/items/?q=foo&skip=100&limit=200");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello Items!", params: { q: "foo", skip: 5, limit: 10 } });
  });

  it("uses the override in /users/ too", async () => {
    const cases: [string, unknown][] = [
      ["/users/", { q: null, skip: 5, limit: 10 }],
      ["/users/?q=foo", { q: "foo", skip: 5, limit: 10 }],
      ["/users/?q=foo&skip=100&limit=200", { q: "foo", skip: 5, limit: 10 }],
    ];
    for (const [path, params] of cases) {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ message: "Hello Users!", params });
    }
  });

  it("uses the real dependency again once the overrides are cleared", async () => {
    app.dependencyOverrides.clear();
    try {
      const response = await client.get("/items/", { params: { q: "foo", skip: 100, limit: 200 } });
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ message: "Hello Items!", params: { q: "foo", skip: 100, limit: 200 } });
    } finally {
      app.dependencyOverrides.set(common_parameters, override_dependency);
    }
  });
});
