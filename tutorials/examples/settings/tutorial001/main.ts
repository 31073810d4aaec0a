import { FastAPI, loadSettings } from "fastapi-ts";
import { z } from "zod";

export const Settings = z.object({
  app_name: z.string().default("Awesome API"),
  admin_email: z.string(),
  items_per_user: z.int().default(50),
});

// This page runs the example in your browser, which has no environment variables: the line below stands in for
// ADMIN_EMAIL, the one setting without a default. It is read like a `.env` file, so on a server the process's own
// ADMIN_EMAIL (and APP_NAME, ITEMS_PER_USER) win over it.
const dotenv = 'ADMIN_EMAIL="deadpool@example.com"';

const settings = loadSettings(Settings, { dotenv });

export const app = new FastAPI();

app.get("/info", async function info() {
  return {
    app_name: settings.app_name,
    admin_email: settings.admin_email,
    items_per_user: settings.items_per_user,
  };
});
