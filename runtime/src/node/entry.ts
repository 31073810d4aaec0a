/**
 * The published entry of `fastapi-ts/node`: the Node.js version check first, then the Node adapter.
 * @module
 */
import "../node-version.ts";
export * from "./index.ts";
