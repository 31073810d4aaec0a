import { describe, it, expect } from "vitest";
import path from "node:path";
import ts from "typescript";

// FastAPI marks `app.on_event` deprecated (a DeprecationWarning when it is called). TypeScript's equivalent is the
// `@deprecated` tag: editors strike the call through and name the replacement. This asks the TypeScript language
// service what an editor would show for a call of `onEvent`.
function deprecationsIn(source: string): string[] {
  const file = path.join(import.meta.dirname, "__deprecations_probe.ts");
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true, noEmit: true, strict: true, skipLibCheck: true,
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = name === file ? source : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => process.cwd(),
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? source : ts.sys.readFile(name)),
  };
  const service = ts.createLanguageService(host);
  return service.getSuggestionDiagnostics(file)
    .filter((d) => d.reportsDeprecated)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("deprecated APIs, as FastAPI deprecates them", () => {
  it("marks app.onEvent deprecated (FastAPI's on_event), and not the lifespan that replaces it", () => {
    const found = deprecationsIn(
      `import { FastAPI } from "../src/app.ts";\n` +
      `const app = new FastAPI({ lifespan: async function* () { yield; } });\n` +
      `app.onEvent("startup", () => {});\n`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/'app\.onEvent' is deprecated/);
  }, 60_000);
});
