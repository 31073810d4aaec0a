// What the site's pages and its service worker (site/service-worker.ts) say to each other, and the names they share.

/** Every cache the service worker makes starts with this; the rest of the name is the build's version. */
export const CACHE_PREFIX = "fastapi-ts-offline-";

/** The cache holding one build's files. */
export const cacheName = (version: string): string => `${CACHE_PREFIX}${version}`;

/** Service worker → page. */
export type FromServiceWorker =
  /** Saving a version's files: `done` of `total` are in its cache. */
  | { type: "offline-progress"; version: string; done: number; total: number }
  /** A version's files could not all be saved (it will be tried again on the next visit). */
  | { type: "offline-failed"; version: string; reason: string }
  /** The answer to a "status" question: whether this worker's version is saved whole. */
  | { type: "offline-status"; version: string; complete: boolean };

/** Page → service worker. */
export type ToServiceWorker =
  /** Asks for an "offline-status" answer, on the port sent with the message. */
  | { type: "status" }
  /** A waiting (newer) worker takes over now: the reader asked for the update. */
  | { type: "skip-waiting" }
  /** The reader is typing or clicking: saving pauses until they stop (reader-busy.ts). */
  | { type: "reader-busy" };
