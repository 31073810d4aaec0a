/**
 * The package's published entry (`import "fastapi-ts"`): the Node.js version check first, so that an old Node gets
 * one clear line instead of an error from inside, then the API. The workspace and the browser bundles import
 * `index.ts` directly and skip the check (the playground's WebContainer runs its own Node).
 * @module
 */
import "./node-version.ts";
export * from "./index.ts";
