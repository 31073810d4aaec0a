import type { FastAPIOptions } from "../app.ts";
import { getRedocHtml, getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml } from "./docs.ts";
import type { OpenAPIObject, Server } from "./generate.ts";
import { appRootPath } from "../mount.ts";
import { Request } from "../request.ts";
import { HTMLResponse, JSONResponse } from "../responses.ts";
import { APIRoute } from "../routing/route.ts";
import type { Handler, OperationOptions } from "../routing/operation.ts";
import type { ParamsDeclaration } from "../params/markers.ts";

/** The app's options that shape its docs routes. */
export type DocsSettings = Pick<FastAPIOptions, "title" | "openapiUrl" | "docsUrl" | "redocUrl" | "swaggerUiOauth2RedirectUrl"
  | "swaggerUiInitOauth" | "swaggerUiParameters" | "docsAssetsUrl" | "rootPathInServers">;

/** What the docs routes use of the app: its OpenAPI document and the `servers` it lists. */
export interface DocumentedApp {
  readonly servers: Server[];
  openapiSchema: OpenAPIObject | null;
  openapi(): OpenAPIObject;
}

/**
 * The routes FastAPI adds for its docs: the OpenAPI document, Swagger UI with its OAuth2 redirect page, and ReDoc,
 * at the configured URLs (none when `openapiUrl` is `null`).
 */
export function docsRoutes(app: DocumentedApp, o: DocsSettings): APIRoute[] {
  const openapiUrl = o.openapiUrl === undefined ? "/openapi.json" : o.openapiUrl;
  if (!openapiUrl) return [];
  const assetsUrl = o.docsAssetsUrl ?? "/_fastapi-ts/assets";
  const rootOf = (request: Request): string => request.rootPath.replace(/\/$/, "");
  // Assets are served by the adapter at the top of the server: prefix them with the root before any mount.
  const assetsOf = (request: Request): string => (assetsUrl.startsWith("/") ? appRootOf(request) + assetsUrl : assetsUrl);
  const title = o.title ?? "FastAPI";
  const hidden = { includeInSchema: false, name: "openapi" } as const;
  const routes: APIRoute[] = [];
  // The docs are plain routes, as in FastAPI (Starlette `Route`s): the app's `dependencies`, `responses`, `tags`
  // and `routeClass` are for path operations, so a global dependency (a required header, say) does not guard them.
  const route = (path: string, handler: Handler<ParamsDeclaration>, options: OperationOptions<ParamsDeclaration>): void => {
    // Starlette's `Route` answers HEAD for a GET route (FastAPI's path operations do not).
    routes.push(new APIRoute(path, ["GET", "HEAD"], handler, options));
  };
  route(openapiUrl, (({ request }: { request: Request }) => {
    const root = rootOf(request);
    if (root && o.rootPathInServers !== false && !app.servers.some((s) => s.url === root)) {
      app.servers.unshift({ url: root });
      app.openapiSchema = null;
    }
    return new JSONResponse(app.openapi());
  }) as never, { ...hidden, params: { request: Request } });
  const docsUrl = o.docsUrl === undefined ? "/docs" : o.docsUrl;
  const redirect = o.swaggerUiOauth2RedirectUrl === undefined ? "/docs/oauth2-redirect" : o.swaggerUiOauth2RedirectUrl;
  if (docsUrl) {
    route(docsUrl, (({ request }: { request: Request }) => new HTMLResponse(getSwaggerUiHtml({
      openapiUrl: rootOf(request) + openapiUrl, title: `${title} - Swagger UI`, assetsUrl: assetsOf(request),
      oauth2RedirectUrl: redirect ? rootOf(request) + redirect : null, swaggerUiParameters: o.swaggerUiParameters, initOauth: o.swaggerUiInitOauth,
    }))) as never, { ...hidden, name: "swagger_ui_html", params: { request: Request } });
    if (redirect) route(redirect, () => new HTMLResponse(getSwaggerUiOauth2RedirectHtml()), { ...hidden, name: "swagger_ui_redirect" });
  }
  const redocUrl = o.redocUrl === undefined ? "/redoc" : o.redocUrl;
  if (redocUrl) {
    route(redocUrl, (({ request }: { request: Request }) => new HTMLResponse(getRedocHtml({
      openapiUrl: rootOf(request) + openapiUrl, title: `${title} - ReDoc`, assetsUrl: assetsOf(request),
    }))) as never, { ...hidden, name: "redoc_html", params: { request: Request } });
  }
  return routes;
}

/** The root path before any mount (the proxy's or the app's), from which the adapter serves the docs assets. */
function appRootOf(request: Request): string {
  return (appRootPath(request) ?? request.rootPath).replace(/\/$/, "");
}
