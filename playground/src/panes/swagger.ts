// Swagger UI, from the site's own copy of swagger-ui-dist, with "Try it out" answered by the app in
// the page: a plugin hands swagger-client a `userFetch`, so no request reaches the network.

/** A mounted Swagger UI. */
export interface SwaggerUI {
  /** Shows another document in the same Swagger UI: what the reader expanded stays expanded where it still exists. */
  show(spec: object): void;
}

/** The subset of Swagger UI's own API the pane uses. */
interface SwaggerUISystem {
  specActions: { updateSpec(spec: string): void };
}

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
  });
  // updateSpec replaces the document in Swagger UI's store; its layout state (the expanded operations) is kept.
  return { show: (next) => system.specActions.updateSpec(JSON.stringify(next)) };
}
