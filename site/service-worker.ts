// The site offline after one visit: this worker saves every file a reader needs (pages, examples' project files,
// the app's code, the vendor modules, esbuild's wasm, Monaco) into a cache named after the build, and answers the
// site's requests from it. A new deploy is a new version: its worker saves the new files beside the old ones and
// waits; the page offers the update, and the old cache goes when the new worker takes over. So a page never mixes
// two versions' files.
//
// It never sees the apps readers run: they live in workers of a sandboxed frame (an opaque origin, which no
// service worker controls and which cannot open the site's caches), started from data: and blob: URLs.
import { build, files, prerendered, version } from "$service-worker";
import { CACHE_PREFIX, cacheName, type FromServiceWorker, type ToServiceWorker } from "$lib/offline/protocol.ts";
import { isImmutable, precacheList } from "$lib/offline/precache.ts";
import { ReaderPause } from "$lib/offline/reader-busy.ts";

// The few service-worker types used here, declared locally: the "webworker" lib would retype the whole program's globals.
interface LifecycleEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
/** Static routing (Chromium 123+): requests a rule matches are answered by the browser without running this worker. */
interface InstallEvent extends LifecycleEvent {
  addRoutes?(rules: { condition: { urlPattern: unknown }; source: { cacheName: string } }[]): Promise<void>;
}
interface SiteFetchEvent extends LifecycleEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerMessageEvent extends LifecycleEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    matchAll(options: { includeUncontrolled: boolean; type: "window" }): Promise<{ postMessage(message: unknown): void }[]>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install", listener: (event: InstallEvent) => void): void;
  addEventListener(type: "activate", listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: SiteFetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: WorkerMessageEvent) => void): void;
}

const sw = self as unknown as ServiceWorkerScope;
const CACHE = cacheName(version);
const base = new URL(sw.registration.scope).pathname.replace(/\/$/, "");
const PRECACHE = precacheList({ base, build, files, prerendered });
const PRECACHED = new Set(PRECACHE);
/** Written last: a cache holding it holds every file (an interrupted install leaves a cache without it). */
const COMPLETE = `${base}/.offline-complete`;
/** Files fetched at once while saving: few, so that the reader's own page keeps the connection. */
const PARALLEL = 4;
/** Saving waits while the reader types or clicks (the pages say so). */
const readerPause = new ReaderPause();

async function tell(message: FromServiceWorker): Promise<void> {
  for (const client of await sw.clients.matchAll({ includeUncontrolled: true, type: "window" })) client.postMessage(message);
}

/** One file into `cache`: from an older version's cache when its name says it cannot have changed, else the network. */
async function save(cache: Cache, path: string): Promise<void> {
  if (await cache.match(path)) return; // saved by an earlier, interrupted attempt
  if (isImmutable(path, base)) {
    const older = await caches.match(path);
    if (older) return cache.put(path, older);
  }
  // no-cache: revalidated with the server (an unchanged file costs a 304), never an outdated copy from the HTTP cache.
  const response = await fetch(path, { cache: "no-cache", priority: "low" } as RequestInit);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  // A response that came through a redirect cannot answer a navigation: keep its content under this path.
  await cache.put(path, response.redirected ? new Response(response.body, { status: response.status, headers: response.headers }) : response);
}

async function saveAll(): Promise<void> {
  const cache = await caches.open(CACHE);
  let done = 0;
  let lastTold = 0;
  const queue = [...PRECACHE];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await readerPause.settled();
        await save(cache, path);
        done++;
        if (Date.now() - lastTold > 250 || done === PRECACHE.length) {
          lastTold = Date.now();
          void tell({ type: "offline-progress", version, done, total: PRECACHE.length });
        }
      }
    }),
  );
  await cache.put(COMPLETE, new Response(version));
}

/**
 * Perf: the app's own code (content-hashed, so never revalidated) and the vendor files are answered from this
 * version's cache by the browser itself. Through the fetch handler each of a page's ~20 scripts waited on this worker's thread: 60–130 ms
 * from request to first byte on a repeat visit to the playground on a 2-core machine. A miss (never, once this
 * version is installed and active) goes to the network, as the handler would. Where the API is missing or refuses
 * the rule, the fetch handler answers as before.
 */
async function addStaticRoutes(event: InstallEvent): Promise<void> {
  if (!event.addRoutes || typeof URLPattern !== "function") return;
  try {
    await event.addRoutes([
      { condition: { urlPattern: new URLPattern({ pathname: `${base}/_app/immutable/*` }) }, source: { cacheName: CACHE } },
      // The vendor modules, Swagger UI's and ReDoc's scripts, esbuild's wasm: saved under their paths, so only
      // requests without a query can match the cache as they are (the handler ignores a query; this rule cannot).
      { condition: { urlPattern: new URLPattern({ pathname: `${base}/vendor/*`, search: "" }) }, source: { cacheName: CACHE } },
    ]);
  } catch {
    // An older engine's rules: the fetch handler still answers everything.
  }
}

sw.addEventListener("install", (event) => {
  event.waitUntil(addStaticRoutes(event));
  event.waitUntil(
    saveAll().catch(async (error: unknown) => {
      await tell({ type: "offline-failed", version, reason: error instanceof Error ? error.message : String(error) });
      throw error;
    }),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      // The first version takes the open pages at once; a later one reaches here only when the reader asked for it.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener("message", (event) => {
  const message = event.data as ToServiceWorker;
  if (message?.type === "skip-waiting") void sw.skipWaiting();
  else if (message?.type === "reader-busy") readerPause.busy();
  else if (message?.type === "status") {
    const port = event.ports[0];
    void caches
      .open(CACHE)
      .then((cache) => cache.match(COMPLETE))
      .then((marker) => port?.postMessage({ type: "offline-status", version, complete: !!marker } satisfies FromServiceWorker));
  }
});

/** The cache key of a site URL: its path (the site's files do not vary by query), if this version saved it. */
function savedPath(url: URL): string | undefined {
  if (url.origin !== location.origin) return undefined;
  const path = decodeURI(url.pathname);
  if (PRECACHED.has(path)) return path;
  // "/tutorial/first-steps/" and "/tutorial/first-steps.html" are the page "/tutorial/first-steps".
  const page = path.replace(/\/$/, "").replace(/\.html$/, "") || "/";
  return PRECACHED.has(page) ? page : undefined;
}

async function answer(request: Request, path: string | undefined): Promise<Response> {
  const cache = await caches.open(CACHE);
  if (path) {
    const saved = await cache.match(path);
    if (saved) return saved;
  }
  try {
    return await fetch(request);
  } catch (error) {
    // Offline, a page this version does not have: the site's own 404 page, as the server would answer.
    if (request.mode === "navigate") {
      const notFound = await cache.match(`${base}/404.html`);
      if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
    }
    throw error;
  }
}

sw.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  event.respondWith(answer(request, savedPath(url)));
});
