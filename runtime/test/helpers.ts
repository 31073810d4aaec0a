import type { FastAPI } from "../src/index.ts";
import { serve, type RunningServer } from "../src/node/index.ts";

/** Starts a real server on 127.0.0.1 (ephemeral port), runs `fn`, stops it. */
export async function withServer<T>(app: FastAPI, fn: (base: string, server: RunningServer) => Promise<T>): Promise<T> {
  const server = await serve(app, { host: "127.0.0.1", port: 0 });
  try {
    return await fn(server.url, server);
  } finally {
    await server.close();
  }
}
