import { describe, it, expect } from "vitest";
import { loadSettings, SettingsError, TestClient } from "fastapi-ts";
import { app, Settings } from "./main.ts";

const client = new TestClient(app);

describe("settings/tutorial001", () => {
  it("answers with the settings read from the environment", async () => {
    const response = await client.get("/info");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ app_name: "Awesome API", admin_email: "deadpool@example.com", items_per_user: 50 });
  });

  it("matches variable names case-insensitively and converts the strings", () => {
    const settings = loadSettings(Settings, { env: { admin_email: "admin@example.com", ITEMS_PER_USER: "7" } });
    expect(settings).toEqual({ app_name: "Awesome API", admin_email: "admin@example.com", items_per_user: 7 });
  });

  it("refuses to start without a required setting, or with one of the wrong type", () => {
    expect(() => loadSettings(Settings, { env: {} })).toThrow(SettingsError);
    let error: unknown;
    try {
      loadSettings(Settings, { env: { ADMIN_EMAIL: "admin@example.com", ITEMS_PER_USER: "many" } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).errors()).toEqual([
      {
        type: "int_parsing",
        loc: ["items_per_user"],
        msg: "Input should be a valid integer, unable to parse string as an integer",
        input: "many",
      },
    ]);
  });
});
