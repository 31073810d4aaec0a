// The reference generator: on the real runtime (every public export of both entry points is on a page, with its
// summary, signature and members), and on small programs (an export without TSDoc, or from a file no page takes,
// fails with a message naming it and its file).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ApiEntry, ApiReference } from "../../site/lib/reference/model.ts";
import { ApiDocsError, generateReference, type GenerateOptions } from "./generate.ts";
import { nodePage, pageFor, pageSpecs } from "./pages.ts";
import { repositoryReference } from "./project.ts";

/** The names each entry point exports, as the TypeScript compiler sees them (independent of TypeDoc). */
function compilerExports(): Map<string, string[]> {
  const files = repositoryReference.entryPoints.map((entry) => entry.file);
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2023,
    allowImportingTsExtensions: true,
    noEmit: true,
    types: ["node"],
  });
  const checker = program.getTypeChecker();
  return new Map(
    repositoryReference.entryPoints.map((entry) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(entry.file)!)!;
      return [entry.module, checker.getExportsOfModule(symbol).map((exported) => exported.name).sort()];
    }),
  );
}

describe("the runtime's reference", () => {
  let reference: ApiReference;
  let entries: Map<string, ApiEntry & { page: string }>;
  beforeAll(async () => {
    reference = await generateReference(repositoryReference);
    entries = new Map(reference.pages.flatMap((page) => page.entries.map((entry) => [`${entry.module}:${entry.name}`, { ...entry, page: page.slug }])));
  }, 120_000);

  test("every public export of fastapi-ts and fastapi-ts/node has an entry, on exactly one page", () => {
    for (const [module, names] of compilerExports()) {
      const documented = [...entries.values()].filter((entry) => entry.module === module).map((entry) => entry.name).sort();
      expect(documented, module).toEqual(names);
      expect(reference.exportCounts[module as keyof ApiReference["exportCounts"]]).toBe(names.length);
    }
    const total = reference.pages.reduce((sum, page) => sum + page.entries.length, 0);
    expect(total).toBe(entries.size);
  });

  test("every entry has a summary, a signature and where it is declared", () => {
    for (const entry of entries.values()) {
      expect(entry.doc.summary, entry.name).not.toBe("");
      expect(entry.code, entry.name).toMatch(new RegExp(`\\b${entry.name.replace(/\$/g, "\\$")}\\b`));
      expect(entry.source, entry.name).toMatch(/^runtime\/src\/.+\.ts:\d+$/);
    }
  });

  test("the pages follow pages.ts, and the Node adapter has its own", () => {
    expect(reference.pages.map((page) => page.slug)).toEqual(
      [...pageSpecs, nodePage].map((spec) => spec.slug).filter((slug) => reference.pages.some((page) => page.slug === slug)),
    );
    expect(entries.get("fastapi-ts:FastAPI")?.page).toBe("fastapi");
    expect(entries.get("fastapi-ts:Query")?.page).toBe("parameters");
    expect(entries.get("fastapi-ts:Depends")?.page).toBe("dependencies");
    expect(entries.get("fastapi-ts:HTTPException")?.page).toBe("exceptions");
    expect(entries.get("fastapi-ts/node:serve")?.page).toBe("node");
    // Entries keep the order of the entry point's export list: the app before its options.
    const fastapi = reference.pages.find((page) => page.slug === "fastapi")!.entries.map((entry) => entry.name);
    expect(fastapi.indexOf("FastAPI")).toBeLessThan(fastapi.indexOf("FastAPIOptions"));
  });

  test("a function's signature is written as a declaration file would, with its parameters", () => {
    const query = entries.get("fastapi-ts:Query")!;
    expect(query.kind).toBe("function");
    expect(query.code).toBe('function Query<S extends ZodType>(schema: S, options?: ParamOptions): Param<S, "query">');
    // `@param` tags become the parameters' docs; `@returns` its own block.
    expect(query.signatures[0]!.parameters).toEqual([
      { name: "schema", type: "S", optional: false, defaultValue: null, doc: expect.stringContaining("zod schema") },
      { name: "options", type: "ParamOptions", optional: true, defaultValue: "{}", doc: expect.stringContaining("`alias`") },
    ]);
    expect(query.signatures[0]!.doc.returns).toMatch(/^A marker for/);
  });

  test("a class lists its own members, and names what it inherits from a documented class", () => {
    const app = entries.get("fastapi-ts:FastAPI")!;
    expect(app.code).toBe("class FastAPI extends APIRouter");
    const members = new Map(app.members.map((member) => [member.name, member]));
    expect(members.get("constructor")?.code).toBe("constructor(options?: FastAPIOptions)");
    expect(members.get("dependencyOverrides")?.code).toBe("readonly dependencyOverrides: DependencyOverrides");
    expect(members.get("dependencyOverrides")?.doc.summary).toMatch(/Replacements of dependencies/);
    expect(members.has("get")).toBe(false);
    expect(app.inherited).toEqual([expect.objectContaining({ from: "APIRouter", members: expect.arrayContaining(["get", "post", "includeRouter"]) })]);
    // Members the platform gives (Error's `stack`) are not ours to document.
    expect(entries.get("fastapi-ts:HTTPException")!.members.map((member) => member.name)).not.toContain("stack");
  });

  test("TSDoc examples and links come through as markdown", () => {
    expect(entries.get("fastapi-ts:FastAPI")!.doc.examples[0]).toMatch(/^```ts\nexport const app = new FastAPI\(\);/);
    // `{@link HostFileSystem}` in node/fs.ts: a link to the entry, by site path.
    expect(entries.get("fastapi-ts/node:nodeFileSystem")!.doc.summary).toContain("[`HostFileSystem`](/reference/static-files#HostFileSystem)");
  });
});

describe("pageFor", () => {
  test("the longest matching prefix wins; files and folders are told apart", () => {
    expect(pageFor("fastapi-ts", "routing/stream.ts")?.slug).toBe("responses");
    expect(pageFor("fastapi-ts", "routing/apirouter.ts")?.slug).toBe("apirouter");
    expect(pageFor("fastapi-ts", "openapi/schema.ts")?.slug).toBe("encoders");
    expect(pageFor("fastapi-ts", "openapi/generate.ts")?.slug).toBe("openapi");
    expect(pageFor("fastapi-ts", "app.ts.bak")).toBeUndefined();
    expect(pageFor("fastapi-ts", "mystery.ts")).toBeUndefined();
    expect(pageFor("fastapi-ts/node", "anything.ts")).toBe(nodePage);
  });
});

describe("the build fails on an export the reference cannot show", () => {
  let dir: string;
  let options: GenerateOptions;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "reference-"));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler", allowImportingTsExtensions: true, noEmit: true, strict: true }, include: ["."] }));
    // app.ts is a file the FastAPI page takes; mystery.ts is one no page takes.
    writeFileSync(join(dir, "app.ts"), "/** Documented. */\nexport function documented(): void {}\n\nexport function bare(): void {}\n\n/** A class. */\nexport class Thing {}\n");
    writeFileSync(join(dir, "mystery.ts"), "/** Documented, but where? */\nexport const mystery = 1;\n");
    options = { tsconfig: join(dir, "tsconfig.json"), entryPoints: [{ module: "fastapi-ts", file: join(dir, "index.ts") }], sourceRoot: `${dir}/`, displayRoot: dir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("an export without a TSDoc summary is named, with its file and line", async () => {
    writeFileSync(join(dir, "index.ts"), 'export { documented, bare, Thing } from "./app.ts";\n');
    const failure = generateReference(options);
    await expect(failure).rejects.toThrow(ApiDocsError);
    await expect(failure).rejects.toThrow('app.ts:4: the export "bare" of fastapi-ts has no TSDoc summary');
    await expect(failure).rejects.not.toThrow(/"documented"|"Thing"/);
  }, 60_000);

  test("an export from a file no page takes is named, with what to do", async () => {
    writeFileSync(join(dir, "index.ts"), 'export { documented } from "./app.ts";\nexport { mystery } from "./mystery.ts";\n');
    await expect(generateReference(options)).rejects.toThrow(/mystery\.ts:2: the export "mystery" of fastapi-ts is declared in a file no reference page takes: add the file to a page in scripts\/reference\/pages\.ts/);
  }, 60_000);

  test("documented exports from known files make a page", async () => {
    writeFileSync(join(dir, "index.ts"), 'export { documented, Thing } from "./app.ts";\n');
    const reference = await generateReference(options);
    expect(reference.pages.map((page) => [page.slug, page.entries.map((entry) => entry.name)])).toEqual([["fastapi", ["documented", "Thing"]]]);
  }, 60_000);
});
