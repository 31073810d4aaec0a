/**
 * fastapi-ts's Node adapter: `serve(app)` on `node:http`, serving the docs assets from the installed packages.
 * @packageDocumentation
 */
export { serve, createListener, writeResponse, type ServeOptions, type RunningServer } from "./server.ts";
export { docsAssets, offlineRedoc, readDocsAsset } from "./assets.ts";
export { createWebSocketHandler, type WebSocketUpgradeHandler } from "./websocket.ts";
export { toRequest, type ListenerOptions } from "./server.ts";
export { nodeFileSystem } from "./fs.ts";
export { readEnvFile } from "./dotenv.ts";
