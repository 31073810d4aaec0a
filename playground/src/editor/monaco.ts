// Monaco, bundled with the site and loaded only when an editor opens. Its workers come from our own
// origin (Vite's `?worker` imports) and the runtime's and zod's types from vendor/types.json, so
// completion, hovers and type errors work offline.
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";
import TsWorker from "monaco-editor/language/typescript/ts.worker.js?worker";
import { RestartingWorker } from "./restarting-worker.ts";
import { followSiteTheme } from "./theme.ts";
import { typeSource } from "./type-source.ts";

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const start = () => (label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker());
    // Monaco uses only the members RestartingWorker has (MonacoWorker).
    return new RestartingWorker(start) as unknown as Worker;
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  lib: ["es2023", "dom"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  allowNonTsExtensions: true,
  // `import initSqlJs from "sql.js"` (a CommonJS package), as the site's own tsconfig allows.
  allowSyntheticDefaultImports: true,
  skipLibCheck: true,
});
ts.typescriptDefaults.setEagerModelSync(true);
followSiteTheme(monaco);

/**
 * Text inserted whole goes in as it came, in one edit, as a paste does. Monaco's own "type" applies it one character
 * at a time, each a full edit (auto-closing, auto-indent, view and cursor events): a 67-character line cost ~120 ms
 * of the page's thread, and ~100 ms more of V8's compilers, before the playground heard of it. Keystrokes keep
 * Monaco's handling (brackets close, Enter indents). The editor is found as Monaco's own handler finds it.
 */
monaco.editor.registerCommand("type", (_accessor, payload: { text?: string } | undefined) => {
  const editors = monaco.editor.getEditors();
  const editor = editors.find((candidate) => candidate.hasTextFocus()) ?? editors.find((candidate) => candidate.hasWidgetFocus());
  const text = payload?.text ?? "";
  editor?.trigger(typeSource(text), "type", { text });
});

let typesLoaded: Promise<void> | undefined;

/** Gives Monaco's TypeScript the type definitions of fastapi-ts, zod and the test API, once. */
export function loadTypes(typesUrl: string): Promise<void> {
  typesLoaded ??= fetch(typesUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`${typesUrl}: ${response.status}`);
      return response.json() as Promise<Record<string, string>>;
    })
    .then((types) => {
      for (const [path, content] of Object.entries(types)) ts.typescriptDefaults.addExtraLib(content, `file:///${path}`);
    })
    .catch((error: unknown) => {
      typesLoaded = undefined;
      console.warn("Type definitions did not load; editing works without them.", error);
    });
  return typesLoaded;
}

/** The URI a project file has in Monaco: projects live under file:///<project id>/. */
export function fileUri(project: string, file: string): monaco.Uri {
  return monaco.Uri.parse(`file:///${project}/${file}`);
}

export { monaco };
