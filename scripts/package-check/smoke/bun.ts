import { app } from "./main.ts";

Bun.serve({ hostname: "127.0.0.1", port: Number(process.env.PORT ?? 8000), fetch: app.fetch });
