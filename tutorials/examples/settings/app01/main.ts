import { FastAPI } from "fastapi-ts";
import { settings } from "./config.ts";

export const app = new FastAPI();

app.get("/info", async function info() {
  return {
    app_name: settings.app_name,
    admin_email: settings.admin_email,
    items_per_user: settings.items_per_user,
  };
});
