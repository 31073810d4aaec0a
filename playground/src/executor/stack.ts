// Maps stacks from the app worker back to the reader's files. A bundle carries its source map inline
// (compile.ts); the page reads it from the bundle it sends, so the map never has to leave the page.
// Frames in the project's bundle become `main.ts:12:9`; frames in the libraries show the library's
// name (`fastapi-ts`, `zod`); frames of the worker's own plumbing are dropped.
import { originalPositionFor, sourceContentFor, TraceMap } from "@jridgewell/trace-mapping";
import { PROVIDED_MODULES } from "./compile.ts";
import { PROJECT_MODULE } from "./module-names.ts";
import type { Problem, SourceLocation } from "./types.ts";

const INLINE_MAP = "//# sourceMappingURL=data:application/json;base64,";

/** Library module file (`zod.js`) → the name frames in it show (`zod`). */
const LIBRARIES = new Map(Object.entries(PROVIDED_MODULES).map(([name, file]) => [file, name]));

/** V8's `    at fn (url:1:2)` and `    at url:1:2`; Firefox's and Safari's `fn@url:1:2`. */
const FRAME = /^\s*at\s|@\S+:\d+:\d+$/;
/** The position a frame ends with: `url:line:column`, bare or in parentheses. */
const POSITION = /([^\s()@]+):(\d+):(\d+)(\)?)$/;

/** The source map a bundle carries inline, if it has one. */
export function inlineSourceMap(bundle: string): TraceMap | undefined {
  const start = bundle.lastIndexOf(INLINE_MAP);
  if (start < 0) return undefined;
  try {
    const bytes = Uint8Array.from(atob(bundle.slice(start + INLINE_MAP.length).trim()), (c) => c.charCodeAt(0));
    return new TraceMap(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** esbuild names the project's files `project:main.ts`; the reader knows them as `main.ts`. */
const fileName = (source: string) => source.replace(/^project:/, "");

/**
 * Rewrites stacks that mention one bundle's module (`PROJECT_MODULE`) into the reader's files. The
 * source map is decoded the first time a stack needs it, so runs without errors never pay for it.
 */
export class BundleStacks {
  private readonly bundle: string;
  private decoded?: TraceMap | null;

  constructor(bundle: string) {
    this.bundle = bundle;
  }

  private get sourceMap(): TraceMap | null {
    if (this.decoded === undefined) this.decoded = inlineSourceMap(this.bundle) ?? null;
    return this.decoded;
  }

  /** Where a position in the bundle (1-based line and column, as stacks give them) came from. */
  original(line: number, column: number): SourceLocation | undefined {
    const map = this.sourceMap;
    if (!map) return undefined;
    const found = originalPositionFor(map, { line, column: column - 1 });
    if (found.source === null) return undefined;
    const lineText = sourceContentFor(map, found.source)?.split("\n")[found.line - 1];
    return { file: fileName(found.source), line: found.line, column: found.column + 1, ...(lineText === undefined ? {} : { lineText }) };
  }

  /** The frame rewritten for the reader; undefined for a frame to drop. */
  private frame(line: string): { text: string; location?: SourceLocation } | undefined {
    const position = POSITION.exec(line);
    if (!position) return { text: line }; // `at async Promise.all (index 0)`, `at new Promise (<anonymous>)`
    const [whole, module, row, column, paren] = position;
    const head = line.slice(0, line.length - whole.length);
    if (module === PROJECT_MODULE) {
      const location = this.original(Number(row), Number(column));
      if (!location) return undefined;
      return { text: `${head}${location.file}:${location.line}:${location.column}${paren}`, location };
    }
    const library = LIBRARIES.get(module!);
    return library ? { text: `${head}${library}${paren}` } : undefined;
  }

  /** `text` with every stack frame in it mapped, relabelled or dropped, and the first frame in the reader's files. */
  mapText(text: string): { text: string; location?: SourceLocation } {
    if (!text.includes(PROJECT_MODULE) && ![...LIBRARIES.keys()].some((file) => text.includes(file))) return { text };
    let location: SourceLocation | undefined;
    const lines: string[] = [];
    for (const line of text.split("\n")) {
      if (!FRAME.test(line)) {
        lines.push(line);
        continue;
      }
      const frame = this.frame(line);
      if (!frame) continue;
      location ??= frame.location;
      lines.push(frame.text);
    }
    return { text: lines.join("\n"), ...(location ? { location } : {}) };
  }

  /**
   * The problem (or a failed test's error) with its stack mapped and, unless it has one, the location
   * of its first frame in the reader's files.
   */
  locate<T extends Pick<Problem, "stack" | "location">>(problem: T): T & Pick<Problem, "location"> {
    if (!problem.stack) return problem;
    const { text, location } = this.mapText(problem.stack);
    return { ...problem, stack: text, ...(problem.location ?? location ? { location: problem.location ?? location } : {}) };
  }
}
