import { describe, expect, it } from "vitest";
import { docsAssets, readDocsAsset } from "../src/node/index.ts";

describe("documentation assets served by the Node adapter", () => {
  it("serves Swagger UI and ReDoc from the installed packages", async () => {
    expect(Object.keys(docsAssets).sort()).toEqual(["redoc.standalone.js", "swagger-ui-bundle.js", "swagger-ui.css"]);
    const swagger = new TextDecoder().decode((await readDocsAsset("swagger-ui-bundle.js"))!);
    expect(swagger).toContain("SwaggerUIBundle");
    expect(readDocsAsset("../package.json")).toBeNull();
  });

  it("makes ReDoc load nothing from a CDN", async () => {
    const redoc = new TextDecoder().decode((await readDocsAsset("redoc.standalone.js"))!);
    expect(redoc).toContain("export{");
    expect(redoc).not.toMatch(/https:\/\/cdn\.redoc\.ly\//);
    expect(redoc).toContain("data:image/svg+xml,");
  });
});
