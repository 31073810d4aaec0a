// Which of the site's files the service worker saves for offline use, in the order it saves them.

/** The lists SvelteKit gives a service worker (`$service-worker`), each path starting with the site's base. */
export interface SiteFiles {
  base: string;
  /** The app's own files (`_app/immutable/…`): named by their content, so one URL never changes. */
  build: string[];
  /** Everything in static/ (with static/vendor/: the runtime, zod, esbuild's wasm, Swagger UI, ReDoc). */
  files: string[];
  /** Prerendered pages and JSON files (guide pages, examples' project files, the search index). */
  prerendered: string[];
}

/**
 * Files no offline reader needs: the runtime's Node build serves only the WebContainer executor, which needs the
 * network anyway.
 */
const SKIPPED = [/\/vendor\/fastapi-ts-node\.js$/, /\.map$/, /\/\.[^/]*$/];

/** Saved last: big files a first Run does not need (the editor's language workers, the in-browser bundler). */
const HEAVY = [/\.wasm$/, /\/workers\//, /\/vendor\/types\.json$/, /\/redoc\.standalone\.js$/];

/**
 * Every file an offline reader needs: each guide page and its JSON, the playground and embed, the app's code,
 * the vendor modules, esbuild's wasm, Monaco, the docs UIs; plus the 404 page the static adapter writes. Lighter
 * files first, so that an interrupted first visit has saved the most useful part.
 */
export function precacheList({ base, build, files, prerendered }: SiteFiles): string[] {
  const all = [...new Set([...prerendered, ...build, ...files, `${base}/404.html`])].filter((path) => !SKIPPED.some((skip) => skip.test(path)));
  const heavy = (path: string) => HEAVY.some((pattern) => pattern.test(path));
  return [...all.filter((path) => !heavy(path)), ...all.filter(heavy)];
}

/** Whether `path` names a file whose content never changes under that name (so an older cache's copy will do). */
export function isImmutable(path: string, base: string): boolean {
  return path.startsWith(`${base}/_app/immutable/`);
}
