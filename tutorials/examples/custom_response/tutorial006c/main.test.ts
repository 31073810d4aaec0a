import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app, { followRedirects: false });

function documented(path: string, summary: string, operationId: string, responses: object) {
  return {
    openapi: "3.1.0",
    info: { title: "FastAPI", version: "0.1.0" },
    paths: { [path]: { get: { summary, operationId, responses } } },
  };
}

describe("custom_response/tutorial006c", () => {
  it("redirects to the returned URL with the declared 302", async () => {
    const response = await client.get("/pydantic");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://docs.pydantic.dev/");
  });

  it("documents a 302 without content", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(documented("/pydantic", "Redirect Pydantic", "redirect_pydantic_pydantic_get", { "302": { description: "Successful Response" } }));
  });
});
