// The playground resolves Swagger UI's references itself (playground/src/panes/swagger-resolve.ts: swagger-client's
// OpenAPI 3.1 resolver cost ~150 ms of main thread per edit). Here both resolve every operation, every security
// scheme and every schema of every example's document, in Chromium with the site's own Swagger UI: wherever ours
// answers, it must answer exactly what swagger-client does; and it must answer for nearly all of them.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "./fixtures.ts";
import type { ExampleProject } from "../playground/src/project/example.ts";
import { resolveLocalSubtree } from "../playground/src/panes/swagger-resolve.ts";

const examplesDir = fileURLToPath(new URL("../build/examples/", import.meta.url));
const exampleNames = readdirSync(examplesDir).flatMap((topic) => readdirSync(`${examplesDir}${topic}`).map((name) => `${topic}/${name}`));
type Path = (string | number)[];

/** What Swagger UI asks to resolve: each operation, the security schemes, each schema (the Schemas section). */
function subtreesOf(doc: { paths?: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, unknown> } }): Path[] {
  const paths: Path[] = [["components", "securitySchemes"]];
  for (const [path, item] of Object.entries(doc.paths ?? {})) for (const method of Object.keys(item)) paths.push(["paths", path, method]);
  for (const name of Object.keys(doc.components?.schemas ?? {})) paths.push(["components", "schemas", name]);
  return paths;
}

test("the playground's Swagger UI resolves references exactly as swagger-client does, on every example's document", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/404");
  await page.addScriptTag({ url: "/vendor/docs-assets/swagger-ui-bundle.js" });
  await page.evaluate(() => {
    const ui = (window as unknown as { SwaggerUIBundle: (options: object) => { fn: unknown } }).SwaggerUIBundle;
    const system = ui({ spec: { openapi: "3.1.0", info: { title: "", version: "" }, paths: {} }, domNode: document.createElement("div") });
    (window as unknown as { swaggerFn: unknown }).swaggerFn = system.fn;
  });
  const baseDoc = new URL("/playground", page.url()).href;
  let answered = 0;
  let asked = 0;
  for (const name of exampleNames) {
    const project = (await (await page.request.get(`/examples/${name}/project.json`)).json()) as ExampleProject;
    const doc = project.docs?.openapi;
    if (!doc) continue;
    const paths = subtreesOf(doc);
    const theirs = await page.evaluate(
      async ([doc, paths, baseDoc]) => {
        const fn = (window as unknown as { swaggerFn: { resolveSubtree: (d: unknown, p: unknown, o: unknown) => Promise<unknown> } }).swaggerFn;
        const out: unknown[] = [];
        for (const path of paths) out.push(await fn.resolveSubtree(doc, path, { baseDoc }));
        return out;
      },
      [doc, paths, baseDoc] as const,
    );
    paths.forEach((path, i) => {
      asked++;
      const ours = resolveLocalSubtree(doc, path, baseDoc);
      if (ours === undefined) return;
      answered++;
      expect(ours, `${name}: ${path.join(" ")}`).toEqual(theirs[i]);
    });
  }
  expect(asked).toBeGreaterThan(1000);
  // A resolver that gives up everywhere would pass the comparison and speed nothing up.
  expect(answered / asked).toBeGreaterThan(0.95);
});
