/** Options of {@link getSwaggerUiHtml}. */
export interface SwaggerUiHtmlOptions {
  /** URL of the OpenAPI document. */
  openapiUrl: string;
  /** Page title. */
  title: string;
  /**
   * Base URL holding `swagger-ui-bundle.js` and `swagger-ui.css` (default `/_fastapi-ts/assets`, where the Node
   * adapter serves them); `swaggerJsUrl` and `swaggerCssUrl` name each file instead.
   */
  assetsUrl?: string;
  /** URL of the OAuth2 redirect page, when served. */
  oauth2RedirectUrl?: string | null;
  /** Extra Swagger UI configuration, merged over FastAPI's defaults. */
  swaggerUiParameters?: Record<string, unknown>;
  /** Arguments of `ui.initOAuth(...)`. */
  initOauth?: Record<string, unknown>;
  /** URL of `swagger-ui-bundle.js` (default: under `assetsUrl`), e.g. a self-hosted copy. */
  swaggerJsUrl?: string;
  /** URL of `swagger-ui.css` (default: under `assetsUrl`). */
  swaggerCssUrl?: string;
  /** URL of the favicon (default: none). */
  swaggerFaviconUrl?: string;
}

/** FastAPI's default Swagger UI parameters (plus `validatorUrl: null`, so nothing is sent to swagger.io). */
export const swaggerUiDefaultParameters: Readonly<Record<string, unknown>> = Object.freeze({
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null,
});

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON spaced as Python's `json.dumps` (`{"theme": "obsidian"}`), so the page reads as FastAPI's does. */
function spacedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(spacedJson).join(", ")}]`;
  if (v !== null && typeof v === "object" && !("toJSON" in v)) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== "function");
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${spacedJson(x)}`).join(", ")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** JSON for inline `<script>`: `<` escaped so no value can close the script element. */
function scriptJson(v: unknown): string {
  return spacedJson(v).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Where the Node adapter serves the docs' assets, the default base of both pages. */
const defaultAssetsUrl = "/_fastapi-ts/assets";

function base(url: string = defaultAssetsUrl): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** The Swagger UI page, loading its assets from `assetsUrl` (never a CDN). */
export function getSwaggerUiHtml(o: SwaggerUiHtmlOptions): string {
  const params = { ...swaggerUiDefaultParameters, ...o.swaggerUiParameters };
  const config = Object.entries(params).map(([k, v]) => `    ${scriptJson(k)}: ${scriptJson(v)},`).join("\n");
  const a = base(o.assetsUrl);
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link type="text/css" rel="stylesheet" href="${esc(o.swaggerCssUrl ?? `${a}swagger-ui.css`)}">
<link rel="icon" href="${esc(o.swaggerFaviconUrl ?? "data:,")}">
<title>${esc(o.title)}</title>
</head>
<body>
<div id="swagger-ui">
</div>
<script src="${esc(o.swaggerJsUrl ?? `${a}swagger-ui-bundle.js`)}"></script>
<!-- \`SwaggerUIBundle\` is now available on the page -->
<script>
const ui = SwaggerUIBundle({
    url: ${scriptJson(o.openapiUrl)},
${config}
${o.oauth2RedirectUrl ? `    oauth2RedirectUrl: window.location.origin + ${scriptJson(o.oauth2RedirectUrl)},\n` : ""}    presets: [
        SwaggerUIBundle.presets.apis,
        SwaggerUIBundle.SwaggerUIStandalonePreset
    ],
})
${o.initOauth ? `ui.initOAuth(${scriptJson(o.initOauth)})\n` : ""}</script>
</body>
</html>
`;
}

/** Options of {@link getRedocHtml}. */
export interface RedocHtmlOptions {
  openapiUrl: string;
  title: string;
  /** Base URL holding `redoc.standalone.js` (default `/_fastapi-ts/assets`, where the Node adapter serves ReDoc 3). */
  assetsUrl?: string;
  /**
   * URL of `redoc.standalone.js` (default: under `assetsUrl`): ReDoc 3's module build, or ReDoc 2's classic script
   * (FastAPI's default, `https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js`).
   */
  redocJsUrl?: string;
}

/**
 * The ReDoc page: loads `redoc.standalone.js` from `redocJsUrl` (default: under `assetsUrl`) and renders the document
 * (telemetry off). ReDoc 3's build is an ES module exporting `init`; ReDoc 2's, which FastAPI's page and docs use, is
 * a classic script defining `Redoc`: the page imports the file and, when that gives no `init`, runs it as a script,
 * so either version works.
 */
export function getRedocHtml(o: RedocHtmlOptions): string {
  const a = base(o.assetsUrl);
  return `<!DOCTYPE html>
<html>
<head>
<title>${esc(o.title)}</title>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>
  body {
    margin: 0;
    padding: 0;
  }
</style>
</head>
<body>
<noscript>
    ReDoc requires Javascript to function. Please enable it to browse the documentation.
</noscript>
<div id="redoc-container"></div>
<script type="module">
const src = ${scriptJson(o.redocJsUrl ?? `${a}redoc.standalone.js`)};
const redoc = (await import(src).then((module) => module.init ? module : undefined, () => undefined)) ?? (await new Promise((resolve, reject) => {
  const script = document.createElement("script");
  script.src = src;
  script.onload = () => resolve(window.Redoc);
  script.onerror = () => reject(new Error("ReDoc did not load from " + src));
  document.head.append(script);
}));
const spec = await (await fetch(${scriptJson(o.openapiUrl)})).json();
redoc.init(spec, { disableTelemetry: true }, document.getElementById("redoc-container"));
</script>
</body>
</html>
`;
}

/** The page Swagger UI's OAuth2 flows redirect to (FastAPI's `get_swagger_ui_oauth2_redirect_html`). */
export function getSwaggerUiOauth2RedirectHtml(): string {
  return `<!doctype html>
<html lang="en-US">
<head>
    <title>Swagger UI: OAuth2 Redirect</title>
</head>
<body>
<script>
    'use strict';
    function run () {
        var oauth2 = window.opener.swaggerUIRedirectOauth2;
        var sentState = oauth2.state;
        var redirectUrl = oauth2.redirectUrl;
        var isValid, qp, arr;

        if (/code|token|error/.test(window.location.hash)) {
            qp = window.location.hash.substring(1).replace('?', '&');
        } else {
            qp = location.search.substring(1);
        }

        arr = qp.split("&");
        arr.forEach(function (v,i,_arr) { _arr[i] = '"' + v.replace('=', '":"') + '"';});
        qp = qp ? JSON.parse('{' + arr.join() + '}',
                function (key, value) {
                    return key === "" ? value : decodeURIComponent(value);
                }
        ) : {};

        isValid = qp.state === sentState;

        if ((
          oauth2.auth.schema.get("flow") === "accessCode" ||
          oauth2.auth.schema.get("flow") === "authorizationCode" ||
          oauth2.auth.schema.get("flow") === "authorization_code"
        ) && !oauth2.auth.code) {
            if (!isValid) {
                oauth2.errCb({
                    authId: oauth2.auth.name,
                    source: "auth",
                    level: "warning",
                    message: "Authorization may be unsafe, passed state was changed in server. The passed state wasn't returned from auth server."
                });
            }

            if (qp.code) {
                delete oauth2.state;
                oauth2.auth.code = qp.code;
                oauth2.callback({auth: oauth2.auth, redirectUrl: redirectUrl});
            } else {
                let oauthErrorMsg;
                if (qp.error) {
                    oauthErrorMsg = "["+qp.error+"]: " +
                        (qp.error_description ? qp.error_description+ ". " : "no accessCode received from the server. ") +
                        (qp.error_uri ? "More info: "+qp.error_uri : "");
                }

                oauth2.errCb({
                    authId: oauth2.auth.name,
                    source: "auth",
                    level: "error",
                    message: oauthErrorMsg || "[Authorization failed]: no accessCode received from the server."
                });
            }
        } else {
            oauth2.callback({auth: oauth2.auth, token: qp, isValid: isValid, redirectUrl: redirectUrl});
        }
        window.close();
    }

    if (document.readyState !== 'loading') {
        run();
    } else {
        document.addEventListener('DOMContentLoaded', function () {
            run();
        });
    }
</script>
</body>
</html>
`;
}
