import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, get_settings } from "./main.ts";

const client = new TestClient(app);

describe("settings/app03", () => {
  it("answers with the settings of the stand-in where there is no .env file", async () => {
    const response = await client.get("/info");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ app_name: "Awesome API", admin_email: "deadpool@example.com", items_per_user: 50 });
  });

  it("creates the settings once and reuses them", () => {
    get_settings.cacheClear();
    const first = get_settings();
    expect(get_settings()).toBe(first);
    get_settings.cacheClear();
    expect(get_settings()).not.toBe(first);
  });
});
