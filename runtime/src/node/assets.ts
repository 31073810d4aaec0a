import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/**
 * Where the published package keeps its docs assets: `dist/assets/`, beside this module's compiled `dist/node/`,
 * copied (and patched) by `scripts/build.ts`. The package ships them so that it does not depend on `redoc` and
 * `swagger-ui-dist` (redoc 3 does not install without an override). The workspace runs the sources, which have
 * no such folder, and reads the installed packages instead.
 */
const prebuiltDir = fileURLToPath(new URL("../assets/", import.meta.url));

function assetFile(name: string, pkg: string, path: string): () => string {
  return () => {
    const prebuilt = join(prebuiltDir, name);
    return existsSync(prebuilt) ? prebuilt : join(dirname(require.resolve(`${pkg}/package.json`)), path);
  };
}

/** The documentation assets the Node adapter serves under the app's `docsAssetsUrl`. */
export const docsAssets: Readonly<Record<string, { file: () => string; type: string }>> = {
  "swagger-ui-bundle.js": { file: assetFile("swagger-ui-bundle.js", "swagger-ui-dist", "swagger-ui-bundle.js"), type: "text/javascript; charset=utf-8" },
  "swagger-ui.css": { file: assetFile("swagger-ui.css", "swagger-ui-dist", "swagger-ui.css"), type: "text/css; charset=utf-8" },
  "redoc.standalone.js": { file: assetFile("redoc.standalone.js", "redoc", "bundles/redoc.standalone.js"), type: "text/javascript; charset=utf-8" },
};

/** A small "Redoc" word mark that stands in for the logo ReDoc 3 would fetch from its CDN. */
const REDOC_MARK =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='48' height='14'%3E%3Ctext x='0' y='11' font-family='sans-serif' font-size='11' fill='%23888'%3ERedoc%3C/text%3E%3C/svg%3E";
const REDOC_CDN_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;

/**
 * ReDoc 3's standalone bundle shows a "docs by Redocly" logo loaded from its CDN, with no option to
 * turn it off. The docs must work offline and call no third party, so the logo becomes a local mark.
 */
export function offlineRedoc(source: string): string {
  const patched = source.replace(REDOC_CDN_LOGO, REDOC_MARK);
  if (/https:\/\/cdn\.redoc\.ly\//.test(patched)) throw new Error("redoc.standalone.js loads another asset from cdn.redoc.ly: extend offlineRedoc");
  return patched;
}

const cache = new Map<string, Promise<Uint8Array>>();

async function load(name: string, file: string): Promise<Uint8Array> {
  const bytes = await readFile(file);
  if (name !== "redoc.standalone.js") return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new TextEncoder().encode(offlineRedoc(bytes.toString("utf8")));
}

/** Reads (once) a documentation asset by name, or returns `null` for an unknown name. */
export function readDocsAsset(name: string): Promise<Uint8Array> | null {
  // Own names only: `constructor`, `__proto__` or `toString` in the URL are not assets.
  const asset = Object.hasOwn(docsAssets, name) ? docsAssets[name] : undefined;
  if (!asset) return null;
  let p = cache.get(name);
  if (!p) {
    p = load(name, asset.file());
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}
