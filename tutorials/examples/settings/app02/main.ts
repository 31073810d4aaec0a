import { Depends, FastAPI, settings } from "fastapi-ts";
import * as config from "./config.ts";

export const app = new FastAPI();

// This page runs the example in your browser, which has no environment variables: the line below stands in for
// ADMIN_EMAIL, the one setting without a default. It is read like a `.env` file, so on a server the process's own
// ADMIN_EMAIL (and APP_NAME, ITEMS_PER_USER) win over it.
const dotenv = 'ADMIN_EMAIL="deadpool@example.com"';

// Read on first use, then cached.
export const get_settings = settings(config.Settings, { dotenv });

app.get("/info", { params: { settings: Depends(get_settings) } }, async function info({ settings }) {
  return {
    app_name: settings.app_name,
    admin_email: settings.admin_email,
    items_per_user: settings.items_per_user,
  };
});
