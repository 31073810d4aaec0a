import { describe, it, expect } from "vitest";
import { status, TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("app_testing/tutorial001", () => {
  it("reads the main page", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(status.HTTP_200_OK);
    expect(response.json()).toEqual({ msg: "Hello World" });
  });

  it("documents the path operation", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/": {
          get: {
            summary: "Read Main",
            operationId: "read_main__get",
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            },
          },
        },
      },
    });
  });
});
