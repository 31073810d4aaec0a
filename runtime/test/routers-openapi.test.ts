import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APIRoute, APIRouter, Body, FastAPI, getRedocHtml, getSwaggerUiHtml, HTMLResponse, Request, TestClient, type RouteInfo } from "../src/index.ts";

class TimedRoute extends APIRoute {
  override getRouteHandler() {
    const original = super.getRouteHandler();
    return async (request: Request) => {
      const start = performance.now();
      const response = await original(request);
      response.headers.set("x-response-time", String(performance.now() - start));
      return response;
    };
  }
}

class GzipRequest extends Request {
  override async body(): Promise<Uint8Array> {
    const raw = await super.body();
    if (!(this.headers.get("content-encoding") ?? "").includes("gzip")) return raw;
    const stream = new Blob([raw as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
}

class GzipRoute extends APIRoute {
  override getRouteHandler() {
    const original = super.getRouteHandler();
    return async (request: Request) => {
      return original(new GzipRequest(request));
    };
  }
}

describe("routers", () => {
  it("custom route classes: the timed route, and decompressing gzip request bodies", async () => {
    const app = new FastAPI();
    const router = new APIRouter({ routeClass: TimedRoute });
    router.get("/timed", async function timed() { return { message: "It's the time of my life" }; });
    app.get("/", async function not_timed() { return { message: "Not timed" }; });
    app.includeRouter(router);
    const gz = new APIRouter({ routeClass: GzipRoute });
    gz.post("/sum", { params: { numbers: Body(z.array(z.int())) } }, async function sum_numbers({ numbers }) { return { sum: numbers.reduce((a, b) => a + b, 0) }; });
    app.includeRouter(gz);
    const client = new TestClient(app);
    const t = await client.get("/timed");
    expect(t.json()).toEqual({ message: "It's the time of my life" });
    expect(Number(t.headers.get("x-response-time"))).toBeGreaterThanOrEqual(0);
    expect((await client.get("/")).headers.has("x-response-time")).toBe(false);
    const body = gzipSync(JSON.stringify([1, 2, 3]));
    const s = await client.post("/sum", { content: new Uint8Array(body), headers: { "content-type": "application/json", "content-encoding": "gzip" } });
    expect(s.json()).toEqual({ sum: 6 });
    expect((await client.post("/sum", { json: [4, 5] })).json()).toEqual({ sum: 9 });
  });

  it("nested includes merge prefixes, tags, responses, deprecated, includeInSchema and response class", async () => {
    const app = new FastAPI();
    const inner = new APIRouter({ prefix: "/inner", tags: ["inner"], responses: { 418: { description: "Teapot" } } });
    inner.get("/x", async function inner_x() { return "<b>x</b>"; });
    inner.get("/hidden", { includeInSchema: false }, async function hidden() { return "<i>1</i>"; });
    const outer = new APIRouter({ prefix: "/outer", tags: ["outer"], deprecated: true, responseClass: HTMLResponse });
    outer.includeRouter(inner);
    app.includeRouter(outer, { prefix: "/api", tags: ["api"], responses: { 404: { description: "Not found" } } });
    const client = new TestClient(app);
    const r = await client.get("/api/outer/inner/x");
    expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const op = app.openapi().paths["/api/outer/inner/x"]!.get as Record<string, unknown>;
    expect(op.tags).toEqual(["api", "outer", "inner"]);
    expect(op.deprecated).toBe(true);
    expect(Object.keys(op.responses as object)).toEqual(["200", "404", "418"]);
    expect(app.openapi().paths["/api/outer/inner/hidden"]).toBeUndefined();
    expect((await client.get("/api/outer/inner/hidden")).status).toBe(200);
  });
});

describe("OpenAPI customisation", () => {
  it("documents callbacks and webhooks", () => {
    const Invoice = z.object({ id: z.string(), title: z.string().nullable().default(null), customer: z.string(), total: z.number() }).meta({ id: "Invoice" });
    const InvoiceEvent = z.object({ description: z.string(), paid: z.boolean() }).meta({ id: "InvoiceEvent" });
    const InvoiceEventReceived = z.object({ ok: z.boolean() }).meta({ id: "InvoiceEventReceived" });
    const callbackRouter = new APIRouter();
    callbackRouter.post("{$callback_url}/invoices/{$request.body.id}", { params: { body: InvoiceEvent }, responseModel: InvoiceEventReceived },
      function invoice_notification() { return { ok: true }; });
    const app = new FastAPI();
    app.post("/invoices/", { params: { invoice: Invoice, callback_url: z.url().optional() }, callbacks: callbackRouter.routes },
      async function create_invoice() { return { msg: "Invoice received" }; });
    const Subscription = z.object({ username: z.string(), monthly_fee: z.number() }).meta({ id: "Subscription" });
    app.webhooks.post("new-subscription", { params: { body: Subscription } }, function new_subscription() {});
    const doc = app.openapi();
    const op = doc.paths["/invoices/"]!.post as Record<string, Record<string, Record<string, Record<string, Record<string, unknown>>>>>;
    const cb = op.callbacks!.invoice_notification!["{$callback_url}/invoices/{$request.body.id}"]!.post!;
    expect(cb.operationId).toBe("invoice_notification__callback_url__invoices___request_body_id__post");
    expect(cb.requestBody).toEqual({ content: { "application/json": { schema: { $ref: "#/components/schemas/InvoiceEvent" } } }, required: true });
    expect(Object.keys(op)).toEqual(["summary", "operationId", "parameters", "requestBody", "callbacks", "responses"]);
    const wh = (doc.webhooks as Record<string, Record<string, Record<string, unknown>>>)["new-subscription"]!.post!;
    expect(wh.summary).toBe("New Subscription");
    expect(wh.operationId).toBe("new_subscriptionnew_subscription_post");
    expect(Object.keys(doc)).toEqual(["openapi", "info", "paths", "webhooks", "components"]);
  });

  it("generateUniqueIdFunction sees the tags, the including router's first", () => {
    const seen: (readonly string[])[] = [];
    const byTag = (route: RouteInfo) => { seen.push(route.tags); return `${route.tags[0]}-${route.name}`; };
    const app = new FastAPI({ generateUniqueIdFunction: byTag });
    const router = new APIRouter();
    router.get("/{id}", { tags: ["read"] }, function read_item() { return {}; });
    app.includeRouter(router, { prefix: "/items", tags: ["items"] });
    app.post("/users/", { tags: ["users"] }, function create_user() { return {}; });
    const paths = app.openapi().paths;
    expect((paths["/items/{id}"]!.get as { operationId: string }).operationId).toBe("items-read_item");
    expect((paths["/users/"]!.post as { operationId: string }).operationId).toBe("users-create_user");
    expect(seen).toContainEqual(["items", "read"]);
  });

  it("custom operation ids, openapiExtra, generateUniqueIdFunction, replaced schema, disabled OpenAPI", async () => {
    const byTag = (route: RouteInfo) => `${route.tags[0] ?? "default"}-${route.name}`;
    const app = new FastAPI({ generateUniqueIdFunction: byTag });
    app.get("/items/", { tags: ["items"], operationId: "some_specific_id_you_define" }, async function read_items() { return []; });
    app.get("/users/", { tags: ["users"], openapiExtra: { "x-aperture-labs-portal": "blue" } }, async function read_users() { return []; });
    const paths = app.openapi().paths;
    expect((paths["/items/"]!.get as { operationId: string }).operationId).toBe("some_specific_id_you_define");
    expect((paths["/users/"]!.get as Record<string, unknown>).operationId).toBe("users-read_users");
    expect((paths["/users/"]!.get as Record<string, unknown>)["x-aperture-labs-portal"]).toBe("blue");
    // Replacing the generated schema (FastAPI's custom_openapi pattern).
    const original = app.openapi.bind(app);
    app.openapi = () => {
      if (app.openapiSchema) return app.openapiSchema;
      const schema = original();
      (schema.info as Record<string, unknown>)["x-logo"] = { url: "https://example.com/logo.png" };
      return (app.openapiSchema = schema);
    };
    app.openapiSchema = null;
    const client = new TestClient(app);
    expect(((await client.get("/openapi.json")).json() as { info: Record<string, unknown> }).info["x-logo"]).toEqual({ url: "https://example.com/logo.png" });
    const off = new TestClient(new FastAPI({ openapiUrl: null }));
    expect((await off.get("/openapi.json")).status).toBe(404);
    expect((await off.get("/docs")).status).toBe(404);
  });

  it("Swagger UI parameters, self-hosted assets and the OAuth2 redirect page", async () => {
    const app = new FastAPI({ swaggerUiParameters: { syntaxHighlight: false }, docsAssetsUrl: "/static/docs" });
    const client = new TestClient(app);
    const html = (await client.get("/docs")).text;
    expect(html).toContain('"syntaxHighlight": false');
    expect(html).toContain('src="/static/docs/swagger-ui-bundle.js"');
    expect(html).toContain('oauth2RedirectUrl: window.location.origin + "/docs/oauth2-redirect"');
    expect((await client.get("/docs/oauth2-redirect")).text).toContain("swaggerUIRedirectOauth2");
    expect((await client.get("/redoc")).text).toContain('"/static/docs/redoc.standalone.js"');
  });

  it("Swagger UI parameters are written as FastAPI writes them, nested values and escaping included", async () => {
    const app = new FastAPI({
      swaggerUiParameters: { syntaxHighlight: { theme: "obsidian" }, deepLinking: false, supportedSubmitMethods: ["get", "post"], x: "</script>" },
      swaggerUiInitOauth: { clientId: "abc", scopes: ["a", "b"] },
    });
    const html = (await new TestClient(app).get("/docs")).text;
    expect(html).toContain('"syntaxHighlight": {"theme": "obsidian"},');
    expect(html).toContain('"deepLinking": false,');
    expect(html).not.toContain('"deepLinking": true');
    expect(html).toContain('"supportedSubmitMethods": ["get", "post"],');
    expect(html).toContain('"x": "\\u003c/script>",');
    expect(html).toContain('ui.initOAuth({"clientId": "abc", "scopes": ["a", "b"]})');
  });

  it("docs pages of your own: each asset by URL, or the adapter's default base", () => {
    const swagger = getSwaggerUiHtml({ openapiUrl: "/openapi.json", title: "T", swaggerJsUrl: "https://unpkg.com/swagger-ui-dist@5/swagger-ui-bundle.js", swaggerCssUrl: "/static/swagger-ui.css" });
    expect(swagger).toContain('<script src="https://unpkg.com/swagger-ui-dist@5/swagger-ui-bundle.js">');
    expect(swagger).toContain('href="/static/swagger-ui.css"');
    expect(getRedocHtml({ openapiUrl: "/openapi.json", title: "T" })).toContain('const src = "/_fastapi-ts/assets/redoc.standalone.js";');
    expect(getRedocHtml({ openapiUrl: "/openapi.json", title: "T", redocJsUrl: "/static/redoc.standalone.js" })).toContain('const src = "/static/redoc.standalone.js";');
  });

  it("a request of your own class stands for another: same URL, headers, path parameters, app and state; the body is handed over", async () => {
    class Seen extends Request {}
    let seen: Request | undefined;
    class SeenRoute extends APIRoute {
      override getRouteHandler() {
        const original = super.getRouteHandler();
        return (request: Request) => {
          request.state.before = 1;
          return original(new Seen(request));
        };
      }
    }
    const app = new FastAPI({ routeClass: SeenRoute });
    app.post("/items/{id}", { params: { id: z.int(), request: Request, text: Body(z.string()) } }, async function echo({ id, request, text }) {
      seen = request;
      return { id, text, state: request.state, path: request.url.pathname, header: request.headers.get("x-h"), app: request.app === app };
    });
    const r = await new TestClient(app).post("/items/3?q=1", { json: "hi", headers: { "x-h": "v" } });
    expect(r.json()).toEqual({ id: 3, text: "hi", state: { before: 1 }, path: "/items/3", header: "v", app: true });
    expect(seen).toBeInstanceOf(Seen);
    expect(seen!.pathParams).toEqual({ id: "3" });
    expect(seen!.queryParams.get("q")).toBe("1");
  });
});
