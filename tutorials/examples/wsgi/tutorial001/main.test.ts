import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("wsgi/tutorial001", () => {
  it("hands /v1/ to the mounted app", async () => {
    const response = await client.get("/v1/");
    expect(response.status).toBe(200);
    expect(response.text).toBe("Hello, World from Flask!");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("passes the query string through, and the mounted app escapes it", async () => {
    const response = await client.get("/v1/", { params: { name: "<b>Ada</b>" } });
    expect(response.text).toBe("Hello, &lt;b&gt;Ada&lt;/b&gt; from Flask!");
  });

  it("strips the mount path: the mounted app sees its own paths", async () => {
    const response = await client.get("/v1/other");
    expect(response.status).toBe(404);
    expect(response.text).toBe("Not Found");
  });

  it("answers /v2 itself", async () => {
    const response = await client.get("/v2");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World" });
  });

  it("documents only its own operations", async () => {
    const paths = (await client.get("/openapi.json")).json() as { paths: Record<string, unknown> };
    expect(Object.keys(paths.paths)).toEqual(["/v2"]);
  });
});
