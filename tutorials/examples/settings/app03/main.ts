import { Depends, FastAPI, settings } from "fastapi-ts";
import * as config from "./config.ts";

export const app = new FastAPI();

// A browser, where this page runs the example, has neither a disk nor environment variables: the stand-in gives
// ADMIN_EMAIL, the one setting without a default. On a server the `.env` file's values, then the process's own
// variables, win over it.
const dotenv = 'ADMIN_EMAIL="deadpool@example.com"';

export const get_settings = settings(config.Settings, { envFile: ".env", dotenv });

app.get("/info", { params: { settings: Depends(get_settings) } }, async function info({ settings }) {
  return {
    app_name: settings.app_name,
    admin_email: settings.admin_email,
    items_per_user: settings.items_per_user,
  };
});
