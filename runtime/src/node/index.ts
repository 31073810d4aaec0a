/**
 * fastapi-ts's Node adapter: `serve(app)` on `node:http`, serving the docs assets from the installed packages.
 * @packageDocumentation
 */
export { serve, createListener, writeResponse, defaultServerLimits, type ServeOptions, type ServerLimits, type RunningServer } from "./server.ts";
export { docsAssets, offlineRedoc, readDocsAsset } from "./assets.ts";
export { createWebSocketHandler, type WebSocketUpgradeHandler, type WebSocketLimits } from "./websocket.ts";
export { toRequest, InvalidRequest, type ListenerOptions } from "./incoming.ts";
export { handleProcessFaults, currentRequest, type Stoppable } from "./faults.ts";
export { nodeSpooler } from "./spool.ts";
export { nodeFileSystem } from "./fs.ts";
export { readEnvFile } from "./dotenv.ts";
