import { afterAll, describe, it, expect } from "vitest";
import { loadSettings, TestClient } from "fastapi-ts";
import { Settings } from "./config.ts";
import { app, get_settings } from "./main.ts";

const client = new TestClient(app);

function get_settings_override() {
  return loadSettings(Settings, { values: { admin_email: "testing_admin@example.com" }, env: {} });
}

describe("settings/app02", () => {
  afterAll(() => {
    app.dependencyOverrides.clear();
  });

  it("reads the settings through the dependency", async () => {
    const response = await client.get("/info");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ app_name: "Awesome API", admin_email: "deadpool@example.com", items_per_user: 50 });
  });

  it("answers with the test's settings when the dependency is overridden", async () => {
    app.dependencyOverrides.set(get_settings, get_settings_override);
    const response = await client.get("/info");
    const data = response.json();
    expect(data).toEqual({ app_name: "Awesome API", admin_email: "testing_admin@example.com", items_per_user: 50 });
  });
});
