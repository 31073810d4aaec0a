// The Learn guide's map from FastAPI to fastapi-ts (tutorials/learn/coming-from-fastapi.md) names real things: every
// name in its fastapi-ts column is an export of fastapi-ts or fastapi-ts/node, a member of the object it is read
// from (`app.includeRouter`, `request.rootPath`, `z.strictObject`), a global, or a property the runtime's types
// declare (the option names, such as `responseModel`). A renamed or removed API fails this test, not a reader.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import * as api from "fastapi-ts";
import * as node from "fastapi-ts/node";
import { CLI_OPTIONS } from "../../runtime/src/node/cli.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const page = readFileSync(join(root, "tutorials", "learn", "coming-from-fastapi.md"), "utf8");

/** The code spans of the fastapi-ts column of every table whose second column is headed "fastapi-ts". */
function mapSpans(markdown: string): string[] {
  const spans: string[] = [];
  let inMap = false;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      inMap = false;
      continue;
    }
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim().replaceAll("\\|", "|"));
    if (cells[1] === "fastapi-ts") inMap = true;
    if (!inMap || cells[1] === "fastapi-ts" || /^-+$/.test(cells[1] ?? "")) continue;
    for (const [, code] of (cells[1] ?? "").matchAll(/`([^`]+)`/g)) spans.push(code!);
  }
  return spans;
}

/** Every property and method name the runtime's sources declare (interfaces, type literals, classes). */
function declaredNames(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) visit(ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest));
    }
  };
  const visit = (n: ts.Node): void => {
    if ((ts.isPropertySignature(n) || ts.isPropertyDeclaration(n) || ts.isMethodSignature(n) || ts.isMethodDeclaration(n)) && ts.isIdentifier(n.name)) {
      names.add(n.name.text);
    }
    ts.forEachChild(n, visit);
  };
  walk(join(root, "runtime", "src"));
  return names;
}

const exportsOf: Record<string, unknown> = { ...api, ...node };
const app = new api.FastAPI();
/** The objects the map reads members from, by the names it gives them. */
const receivers: Record<string, unknown[]> = {
  app: [app],
  router: [new api.APIRouter()],
  request: [new api.Request({ method: "GET", url: "http://example.com/", headers: new Headers(), body: null })],
  response: [new api.Response(), api.TestResponse.prototype],
  client: [new api.TestClient(app)],
  websocket: [api.WebSocket.prototype],
  templates: [api.Jinja2Templates.prototype],
  background_tasks: [new api.BackgroundTasks()],
  upload: [new api.UploadFile(new Blob(["x"]), { filename: "x.txt" })],
  exc: [api.RequestValidationError.prototype],
  Item: [z.object({})],
};
/** Names the map uses for your own values: any name will do there. */
const placeholders = new Set([
  "path", "handler", "fn", "schema", "dep", "override", "item", "data", "check", "message", "subapi", "otherApp",
  "common_parameters", "verify_token", "FilterParams", "Settings", "UnicornException", "A", "B", "arg", "a", "b",
  "context", "main", "root",
]);
const keywords = new Set(["new", "await", "using", "const", "let", "export", "async", "function", "typeof", "throw", "true", "false", "null", "undefined", "if"]);
/** zod's names that exist only as types. */
const zodTypes = new Set(["infer", "input", "output"]);
const zodSamples = [z.string(), z.number(), z.int(), z.boolean(), z.object({}), z.array(z.string()), z.set(z.string())];

const hasMember = (value: unknown, member: string): boolean =>
  value !== null && (typeof value === "object" || typeof value === "function") && member in (value as object);

/** A command line: `npx fastapi-ts dev main.ts`, or the CLI's options. */
function commandProblems(text: string): string[] {
  const words = text.split(/\s+/);
  const found: string[] = [];
  if (words[0] === "npx") {
    if (words[1] !== "fastapi-ts") found.push(`${words[1]} is not the fastapi-ts command`);
    if (words[2] !== "dev" && words[2] !== "run") found.push(`fastapi-ts has no command ${words[2]}`);
  }
  for (const flag of words.filter((word) => word.startsWith("--"))) {
    if (!(flag.slice(2).split("=")[0]! in CLI_OPTIONS)) found.push(`fastapi-ts has no option ${flag}`);
  }
  return found;
}

/** Checks one expression of the map; returns what is wrong with it. */
function problems(text: string, names: Set<string>): string[] {
  if (/^(npx |--)/.test(text)) return commandProblems(text);
  // `.refine(check, message)`: a method of a schema, read on its own.
  if (text.startsWith(".")) return problems(`z.string()${text}`, names);
  const found: string[] = [];
  // Strings, regular expressions and `{...}` stand for your own values.
  const code = text
    .replace(/"[^"]*"|'[^']*'/g, '""')
    .replace(/([(,]\s*)\/[^/\s][^/]*\/[a-z]*/g, "$1re")
    .replaceAll("{...}", "{}")
    .replaceAll("...", "");
  let i = 0;
  const ident = /^[A-Za-z_$][\w$]*/;
  const balanced = (open: string, close: string): string => {
    let depth = 0;
    const start = i;
    for (; i < code.length; i++) {
      if (code[i] === open) depth++;
      else if (code[i] === close && --depth === 0) break;
    }
    i++;
    return code.slice(start + 1, i - 1);
  };
  while (i < code.length) {
    const before = code[i - 1];
    const match = ident.exec(code.slice(i));
    if (!match || (before !== undefined && /[\w$.]/.test(before))) {
      i++;
      continue;
    }
    const rootName = match[0];
    i += rootName.length;
    const chain: string[] = [];
    for (;;) {
      const rest = code.slice(i);
      const member = /^\s*(?:\?\.|\.)\s*([A-Za-z_$][\w$]*)/.exec(rest);
      if (member) {
        chain.push(member[1]!);
        i += member[0].length;
        continue;
      }
      const call = /^\s*[(<]/.exec(rest);
      if (call) {
        i += call[0].length - 1;
        const inner = code[i] === "(" ? balanced("(", ")") : balanced("<", ">");
        found.push(...problems(inner, names));
        chain.push("()");
        continue;
      }
      break;
    }
    found.push(...checkChain(rootName, chain, names));
  }
  return found;
}

function checkChain(rootName: string, chain: string[], names: Set<string>): string[] {
  const members = chain.slice(0, chain.indexOf("()") < 0 ? chain.length : chain.indexOf("()"));
  if (keywords.has(rootName) || rootName === "re") return [];
  if (rootName === "z") {
    const [first, ...later] = chain.filter((part) => part !== "()");
    if (first === undefined) return [];
    if (!zodTypes.has(first) && !hasMember(z, first)) return [`z.${first} is not in zod`];
    return later.filter((m) => !zodSamples.some((schema) => hasMember(schema, m))).map((m) => `.${m}() is no method of a zod schema`);
  }
  if (rootName in exportsOf) {
    let value: unknown = exportsOf[rootName];
    for (const member of members) {
      const onClass = typeof value === "function" && hasMember((value as { prototype?: unknown }).prototype, member);
      if (!hasMember(value, member) && !onClass) return [`${rootName} has no member ${member}`];
      value = hasMember(value, member) ? (value as Record<string, unknown>)[member] : undefined;
    }
    return [];
  }
  if (rootName in receivers) {
    if (members.length === 0) return [];
    const [first, ...deeper] = members;
    const holder = receivers[rootName]!.find((candidate) => hasMember(candidate, first!));
    if (holder === undefined) return [`${rootName}.${first} does not exist`];
    let value: unknown = (holder as Record<string, unknown>)[first!];
    for (const member of deeper) {
      if (value === null || value === undefined) break; // not set on a bare instance (`request.client`)
      if (!hasMember(value, member)) return [`${rootName}.${[first, ...deeper].join(".")}: no ${member}`];
      value = (value as Record<string, unknown>)[member];
    }
    return [];
  }
  if (rootName in globalThis) return [];
  if (placeholders.has(rootName)) return [];
  if (members.length === 0 && names.has(rootName)) return []; // an option, property or method name
  return [`${rootName} is no export, member, global or declared property`];
}

describe("the Coming from FastAPI map", () => {
  const spans = mapSpans(page);
  const names = declaredNames();

  test("has tables of fastapi-ts spellings", () => {
    expect(spans.length).toBeGreaterThan(150);
    expect(spans).toContain("new FastAPI({ rootPath, rootPathInServers: false })");
  });

  test("every fastapi-ts name in it exists in the runtime", () => {
    const wrong = spans.flatMap((span) => problems(span, names).map((problem) => `\`${span}\`: ${problem}`));
    expect(wrong).toEqual([]);
  });

  test("the checker catches a name that does not exist", () => {
    expect(problems("app.include_router(router)", names)).toEqual(["app.include_router does not exist"]);
    expect(problems("new FastAPIApp()", names)).toEqual(["FastAPIApp is no export, member, global or declared property"]);
    expect(problems("z.string().maxlen(3)", names)).toEqual([".maxlen() is no method of a zod schema"]);
    expect(problems("{ responseModelExcludeUnsets: true }", names)).toEqual([
      "responseModelExcludeUnsets is no export, member, global or declared property",
    ]);
    expect(problems("status.HTTP_404_NOT_FOUNDS", names)).toEqual(["status has no member HTTP_404_NOT_FOUNDS"]);
    expect(problems("npx fastapi-ts serve main.ts --proxy-headerz", names)).toEqual([
      "fastapi-ts has no command serve",
      "fastapi-ts has no option --proxy-headerz",
    ]);
  });
});
