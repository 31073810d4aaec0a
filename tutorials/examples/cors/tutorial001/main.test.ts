import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("cors/tutorial001", () => {
  it("answers a preflight from an allowed origin", async () => {
    const response = await client.options("/", {
      headers: {
        Origin: "https://localhost.tiangolo.com",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "X-Example",
      },
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe("OK");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://localhost.tiangolo.com");
    expect(response.headers.get("access-control-allow-headers")).toBe("X-Example");
    expect(response.headers.get("access-control-allow-methods")).toBe("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(response.headers.get("vary")).toBe("Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network");
  });

  it("refuses a preflight from an origin that is not in the list", async () => {
    const response = await client.options("/", {
      headers: { Origin: "https://evil.example.com", "Access-Control-Request-Method": "GET" },
    });
    expect(response.status).toBe(400);
    expect(response.text).toBe("Disallowed CORS origin");
    expect(response.headers.has("access-control-allow-origin")).toBe(false);
  });

  it("adds the CORS headers to a simple request from an allowed origin", async () => {
    const response = await client.get("/", { headers: { Origin: "https://localhost.tiangolo.com" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World" });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://localhost.tiangolo.com");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("vary")).toBe("Origin");
  });

  it("answers other origins without the allow-origin header", async () => {
    const response = await client.get("/", { headers: { Origin: "https://evil.example.com" } });
    expect(response.status).toBe(200);
    expect(response.headers.has("access-control-allow-origin")).toBe(false);
    expect(response.headers.get("vary")).toBe("Origin");
  });

  it("leaves a request without Origin alone", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World" });
    expect(response.headers.has("access-control-allow-origin")).toBe(false);
    expect(response.headers.get("vary")).toBe("Origin");
  });
});
