import { FastAPI, HTMLResponse, getRedocHtml, getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml } from "fastapi-ts";
import { z } from "zod";

const title = "FastAPI";
const openapiUrl = "/openapi.json";
const oauth2RedirectUrl = "/docs/oauth2-redirect";

// The built-in pages are off: the routes below serve them, with their assets from a CDN of your choice.
export const app = new FastAPI({ title, openapiUrl, docsUrl: null, redocUrl: null });

app.get("/docs", { includeInSchema: false }, function custom_swagger_ui_html() {
  return new HTMLResponse(getSwaggerUiHtml({
    openapiUrl,
    title: `${title} - Swagger UI`,
    oauth2RedirectUrl,
    swaggerJsUrl: "https://unpkg.com/swagger-ui-dist@5/swagger-ui-bundle.js",
    swaggerCssUrl: "https://unpkg.com/swagger-ui-dist@5/swagger-ui.css",
  }));
});

app.get(oauth2RedirectUrl, { includeInSchema: false }, function swagger_ui_redirect() {
  return new HTMLResponse(getSwaggerUiOauth2RedirectHtml());
});

app.get("/redoc", { includeInSchema: false }, function redoc_html() {
  return new HTMLResponse(getRedocHtml({
    openapiUrl,
    title: `${title} - ReDoc`,
    redocJsUrl: "https://unpkg.com/redoc@2/bundles/redoc.standalone.js",
  }));
});

app.get("/users/{username}", {
  params: { username: z.string() },
}, async function read_user({ username }) {
  return { message: `Hello ${username}` };
});
