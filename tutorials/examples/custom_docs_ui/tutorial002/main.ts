import { FastAPI, HTMLResponse, MemoryFileSystem, StaticFiles, getRedocHtml, getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml } from "fastapi-ts";
import { z } from "zod";

// The folder with your copies of the assets. On a server, leave out `fs` and StaticFiles reads `static/` from the
// disk, where you copied the three files from node_modules. A page in the browser has no disk, so the example keeps
// short placeholders in memory instead.
const files = new MemoryFileSystem({
  "static/swagger-ui-bundle.js": "/* copy node_modules/swagger-ui-dist/swagger-ui-bundle.js here */\n",
  "static/swagger-ui.css": "/* copy node_modules/swagger-ui-dist/swagger-ui.css here */\n",
  "static/redoc.standalone.js": "/* copy node_modules/redoc/bundles/redoc.standalone.js here */\n",
});

const title = "FastAPI";
const openapiUrl = "/openapi.json";
const oauth2RedirectUrl = "/docs/oauth2-redirect";

export const app = new FastAPI({ title, openapiUrl, docsUrl: null, redocUrl: null });

app.mount("/static", new StaticFiles({ directory: "static", fs: files }), { name: "static" });

app.get("/docs", { includeInSchema: false }, function custom_swagger_ui_html() {
  return new HTMLResponse(getSwaggerUiHtml({
    openapiUrl,
    title: `${title} - Swagger UI`,
    oauth2RedirectUrl,
    swaggerJsUrl: "/static/swagger-ui-bundle.js",
    swaggerCssUrl: "/static/swagger-ui.css",
  }));
});

app.get(oauth2RedirectUrl, { includeInSchema: false }, function swagger_ui_redirect() {
  return new HTMLResponse(getSwaggerUiOauth2RedirectHtml());
});

app.get("/redoc", { includeInSchema: false }, function redoc_html() {
  return new HTMLResponse(getRedocHtml({
    openapiUrl,
    title: `${title} - ReDoc`,
    redocJsUrl: "/static/redoc.standalone.js",
  }));
});

app.get("/users/{username}", {
  params: { username: z.string() },
}, async function read_user({ username }) {
  return { message: `Hello ${username}` };
});
