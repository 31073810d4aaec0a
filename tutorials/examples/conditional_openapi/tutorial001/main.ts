import { FastAPI, loadSettings } from "fastapi-ts";
import { z } from "zod";

export const Settings = z.object({
  openapi_url: z.string().default("/openapi.json"),
});

// An app factory, so that the same code builds the app for any settings (the tests build both variants).
export function createApp(settings: z.infer<typeof Settings>): FastAPI {
  // An empty `openapi_url` turns off /openapi.json, and with it /docs and /redoc.
  const app = new FastAPI({ openapiUrl: settings.openapi_url });

  app.get("/", function root() {
    return { message: "Hello World" };
  });

  return app;
}

// Reads OPENAPI_URL from the process's environment. The browser, where this page runs the example, has none, so
// there the default applies: try `loadSettings(Settings, { dotenv: "OPENAPI_URL=" })` to see the docs switched off.
export const app = createApp(loadSettings(Settings));
