import { afterAll, describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, files } from "./main.ts";

describe("events/tutorial002", () => {
  // On Node the working directory is the disk: leave no log.txt behind.
  afterAll(async () => {
    await files.removeFile("log.txt");
  });

  it("writes to the log when the app shuts down", async () => {
    await files.removeFile("log.txt");
    {
      await using client = await TestClient.with(app);
      const response = await client.get("/items/");
      expect(response.status).toBe(200);
      expect(response.json()).toEqual([{ name: "Foo" }]);
      expect(await files.stat("log.txt")).toBeNull();
    }
    expect(await files.readText("log.txt")).toContain("Application shutdown");
  });

  it("documents the path operation", async () => {
    await using client = await TestClient.with(app);
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            summary: "Read Items",
            operationId: "read_items_items__get",
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            },
          },
        },
      },
    });
  });
});
