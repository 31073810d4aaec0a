import { describe, expect, it } from "vitest";
import { FastAPI, TestClient } from "../src/index.ts";
import { withServer } from "./helpers.ts";

function makeApp(options?: ConstructorParameters<typeof FastAPI>[0]): FastAPI {
  const app = new FastAPI(options);
  app.get("/", async function root() {
    return { message: "Hello World" };
  });
  return app;
}

const expectedOpenAPI = {
  openapi: "3.1.0",
  info: { title: "FastAPI", version: "0.1.0" },
  paths: {
    "/": {
      get: {
        summary: "Root",
        operationId: "root__get",
        responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
      },
    },
  },
};

describe("first steps", () => {
  it("answers through app.fetch", async () => {
    const res = await makeApp().fetch(new Request("http://x/"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.text()).toBe('{"message":"Hello World"}');
  });

  it("builds FastAPI's OpenAPI document", async () => {
    const app = makeApp();
    expect(app.openapi()).toEqual(expectedOpenAPI);
    expect(app.openapi()).toBe(app.openapi());
    const res = await new TestClient(app).get("/openapi.json");
    expect(res.json()).toEqual(expectedOpenAPI);
  });

  it("serves Swagger UI and ReDoc from local assets, never a CDN", async () => {
    const client = new TestClient(makeApp({ title: "My API" }));
    const docs = await client.get("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(docs.text).toContain('<script src="/_fastapi-ts/assets/swagger-ui-bundle.js"></script>');
    expect(docs.text).toContain('href="/_fastapi-ts/assets/swagger-ui.css"');
    expect(docs.text).toContain('url: "/openapi.json"');
    expect(docs.text).toContain('"validatorUrl": null');
    expect(docs.text).toContain("<title>My API - Swagger UI</title>");
    const redoc = await client.get("/redoc");
    expect(redoc.text).toContain('const src = "/_fastapi-ts/assets/redoc.standalone.js";');
    expect(redoc.text).toContain("disableTelemetry: true");
    for (const page of [docs.text, redoc.text]) expect(page).not.toMatch(/https?:\/\//);
  });

  it("uses a configured assets base and can disable the docs", async () => {
    const app = makeApp({ docsAssetsUrl: "https://example.test/vendor/docs-assets/" });
    const docs = await new TestClient(app).get("/docs");
    expect(docs.text).toContain('<script src="https://example.test/vendor/docs-assets/swagger-ui-bundle.js">');
    const off = new TestClient(makeApp({ docsUrl: null, redocUrl: null }));
    expect((await off.get("/docs")).status).toBe(404);
    expect((await off.get("/redoc")).status).toBe(404);
    expect((await off.get("/openapi.json")).status).toBe(200);
    const none = new TestClient(makeApp({ openapiUrl: null }));
    expect((await none.get("/openapi.json")).status).toBe(404);
    expect((await none.get("/docs")).status).toBe(404);
  });

  it("works on a real Node server, with the docs assets served locally", async () => {
    await withServer(makeApp(), async (base) => {
      const res = await fetch(`${base}/`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ message: "Hello World" });
      expect((await (await fetch(`${base}/openapi.json`)).json())).toEqual(expectedOpenAPI);
      const js = await fetch(`${base}/_fastapi-ts/assets/swagger-ui-bundle.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get("content-type")).toContain("javascript");
      expect((await js.text()).length).toBeGreaterThan(100_000);
      const css = await fetch(`${base}/_fastapi-ts/assets/swagger-ui.css`);
      expect(css.headers.get("content-type")).toContain("text/css");
      const redoc = await fetch(`${base}/_fastapi-ts/assets/redoc.standalone.js`);
      expect(await redoc.text()).toContain("export{");
      expect((await fetch(`${base}/_fastapi-ts/assets/nope.js`)).status).toBe(404);
      // As FastAPI: a path operation answers only its declared methods; the docs (Starlette routes) answer HEAD too.
      const head = await fetch(`${base}/`, { method: "HEAD" });
      expect([head.status, head.headers.get("allow")]).toEqual([405, "GET"]);
      const docsHead = await fetch(`${base}/openapi.json`, { method: "HEAD" });
      expect([docsHead.status, await docsHead.text()]).toEqual([200, ""]);
    });
  });
});
