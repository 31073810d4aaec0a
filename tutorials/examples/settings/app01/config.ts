import { loadSettings } from "fastapi-ts";
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

export const settings = loadSettings(Settings, { dotenv });
