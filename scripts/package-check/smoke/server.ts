import { serve } from "fastapi-ts/node";
import { app } from "./main.ts";

await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT ?? 8000) });
