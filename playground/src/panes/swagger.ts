// Swagger UI, from the site's own copy of swagger-ui-dist, with "Try it out" answered by the app in
// the page: a plugin hands swagger-client a `userFetch`, so no request reaches the network.
import { resolveLocalSubtree, type ResolvedSubtree } from "./swagger-resolve.ts";

/** A mounted Swagger UI. */
export interface SwaggerUI {
  /** Shows another document in the same Swagger UI: what the reader expanded stays expanded where it still exists. */
  show(spec: object): void;
}

/** The subset of Swagger UI's own API the pane uses. */
interface SwaggerUISystem {
  specActions: { updateSpec(spec: string): void };
  fn: { resolveSubtree: ResolveSubtree };
}

type ResolveSubtree = (doc: unknown, path: (string | number)[], options?: { baseDoc?: string }) => Promise<ResolvedSubtree>;

interface SwaggerUIBundleFn {
  (options: Record<string, unknown>): SwaggerUISystem;
}

declare global {
  interface Window {
    SwaggerUIBundle?: SwaggerUIBundleFn;
  }
}

/** A fetch that answers from the app running in the page. */
export type AppFetch = (url: string, init: RequestInit) => Promise<Response>;

const loaded = new Map<string, Promise<void>>();

/** Adds a script or stylesheet to the page once. */
export function loadAsset(url: string): Promise<void> {
  let promise = loaded.get(url);
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      const el = url.endsWith(".css")
        ? Object.assign(document.createElement("link"), { rel: "stylesheet", href: url })
        : Object.assign(document.createElement("script"), { src: url });
      el.onload = () => resolve();
      el.onerror = () => reject(new Error(`Could not load ${url}`));
      document.head.append(el);
    });
    loaded.set(url, promise);
  }
  return promise;
}

/** Loads Swagger UI's script and stylesheet into the page (once). */
export async function loadSwaggerAssets(assetsUrl: string): Promise<void> {
  await Promise.all([loadAsset(new URL("swagger-ui.css", assetsUrl).href), loadAsset(new URL("swagger-ui-bundle.js", assetsUrl).href)]);
}

/**
 * Resolves once Swagger UI has put the document on screen in `element` (its information block, or its error list),
 * after the frame that shows it; at the latest after `maxMs`. Swagger UI's React renders in a task of its own after
 * `SwaggerUIBundle()` returns, so its return is not yet the first view.
 */
export function painted(element: HTMLElement, maxMs = 2000): Promise<void> {
  const until = performance.now() + maxMs;
  return new Promise((resolve) => {
    const frame = () => {
      // A pane taken off the page (a reload, a navigation) will not paint: no need to wait for it.
      if (!element.isConnected || element.querySelector(".information-container, .errors-wrapper") || performance.now() > until) setTimeout(resolve);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** What the auth plugin reads of the parts of Swagger UI it is handed. */
interface AuthSystem {
  oas3Selectors?: { selectedServer(): string | undefined };
}
type AuthorizeRequest = (data: { url?: string } & Record<string, unknown>) => unknown;

const ABSOLUTE_URL = /^([a-z][a-z\d+.-]*:|\/\/)/i;

/**
 * Swagger UI resolves an OAuth2 flow's relative `tokenUrl` ("token", as OAuth2PasswordBearer writes it) against the
 * page's address when the document names no server. Served by the app, that page is the app's /docs, so "token"
 * means the app's /token. Here the page is the playground or a guide page (/tutorial/security/oauth2-jwt, where
 * "token" would mean /tutorial/security/token): such a URL is resolved against the app's root instead, as if the
 * page were the app's /docs. A document with servers is left to Swagger UI, which resolves against the server.
 */
export function resolveAuthUrl(url: string, selectedServer: string | undefined, appOrigin: string): string {
  if (selectedServer || ABSOLUTE_URL.test(url)) return url;
  return new URL(url, new URL("/docs", appOrigin)).href;
}

const appAuthUrls = () => ({
  statePlugins: {
    auth: {
      wrapActions: {
        authorizeRequest: (original: AuthorizeRequest, system: AuthSystem) => (data: Parameters<AuthorizeRequest>[0]) =>
          original(typeof data.url === "string" ? { ...data, url: resolveAuthUrl(data.url, system.oas3Selectors?.selectedServer(), location.origin) } : data),
      },
    },
  },
});

/** Mounts Swagger UI in `element` for `spec`, sending its requests to `appFetch`. */
export async function mountSwaggerUI(element: HTMLElement, spec: object, appFetch: AppFetch, assetsUrl: string): Promise<SwaggerUI> {
  await loadSwaggerAssets(assetsUrl);
  const SwaggerUIBundle = window.SwaggerUIBundle;
  if (!SwaggerUIBundle) throw new Error("Swagger UI did not load");
  // Every request Swagger UI makes, "Try it out" and the Authorize dialog's token request alike, passes
  // through swagger-client's http(), which uses request.userFetch when set: the app in the page answers.
  const requestInterceptor = (request: Record<string, unknown>) => {
    request["userFetch"] = appFetch;
    return request;
  };
  const system = SwaggerUIBundle({
    domNode: element,
    spec,
    validatorUrl: null,
    deepLinking: false,
    queryConfigEnabled: false,
    persistAuthorization: false,
    requestInterceptor,
    plugins: [appAuthUrls],
  });
  // Perf: references into the document's own components are resolved by a plain walk (swagger-resolve.ts); Swagger UI
  // reads `fn.resolveSubtree` each time it resolves, so the one it was built with is kept for everything else.
  const resolveSubtree = system.fn.resolveSubtree;
  system.fn.resolveSubtree = async (doc, path, options = {}) =>
    (options.baseDoc !== undefined ? resolveLocalSubtree(doc, path, options.baseDoc) : undefined) ?? resolveSubtree(doc, path, options);
  // updateSpec replaces the document in Swagger UI's store; its layout state (the expanded operations) is kept.
  return { show: (next) => system.specActions.updateSpec(JSON.stringify(next)) };
}
