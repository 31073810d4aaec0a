import { loadSettings } from "fastapi-ts";
import { z } from "zod";

export const Settings = z.object({
  app_name: z.string().default("Awesome API"),
  admin_email: z.string(),
  items_per_user: z.int().default(50),
});

// The browser, where this page runs the example, has no environment variables: this object stands in for them.
// On a server, leave out `{ env }` and the settings read the process's environment.
const env = { ADMIN_EMAIL: "deadpool@example.com", APP_NAME: "ChimichangApp" };

export const settings = loadSettings(Settings, { env });
