import { Depends, FastAPI, settings } from "fastapi-ts";
import * as config from "./config.ts";

export const app = new FastAPI();

// The content of a .env file. In the browser, where this page runs the example, there is no disk to read it from;
// on a server, write it to `.env` and pass `{ envFile: ".env" }` instead.
const dotenv = `
ADMIN_EMAIL="deadpool@example.com"
APP_NAME="ChimichangApp"
`;

// Read once, on first use: the .env file is not parsed again on every request.
export const get_settings = settings(config.Settings, { dotenv });

app.get("/info", { params: { settings: Depends(get_settings) } }, async function info({ settings }) {
  return {
    app_name: settings.app_name,
    admin_email: settings.admin_email,
    items_per_user: settings.items_per_user,
  };
});
