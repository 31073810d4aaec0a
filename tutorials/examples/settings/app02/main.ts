import { Depends, FastAPI, settings } from "fastapi-ts";
import * as config from "./config.ts";

export const app = new FastAPI();

// The browser, where this page runs the example, has no environment variables: this object stands in for them.
// On a server, leave out `{ env }` and the settings read the process's environment.
const env = { ADMIN_EMAIL: "deadpool@example.com" };

// Read on first use, then cached.
export const get_settings = settings(config.Settings, { env });

app.get("/info", { params: { settings: Depends(get_settings) } }, async function info({ settings }) {
  return {
    app_name: settings.app_name,
    admin_email: settings.admin_email,
    items_per_user: settings.items_per_user,
  };
});
