// Reads the public API of fastapi-ts and fastapi-ts/node with TypeDoc (which runs the TypeScript compiler over
// runtime/src and parses the TSDoc) and turns it into the reference's data: pages of entries with their signatures
// and docs. Every public export must have a TSDoc summary; one that does not fails the build, naming it and its file.
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { Application, ReflectionKind, type DeclarationReflection, type ProjectReflection, type Reflection, type SignatureReflection } from "typedoc";
import type { ApiEntry, ApiMember, ApiReference, ApiSignature, DocComment, EntryKind, ModuleName, ReferencePageData } from "../../site/lib/reference/model.ts";
import { referencePath } from "../../site/lib/reference/model.ts";
import { docComment, emptyDoc, type LinkTarget } from "./comments.ts";
import { type PageSpec, nodePage, pageFor, pageSpecs } from "./pages.ts";
import { callSignatureText, declarationText, functionText, memberText, typeText } from "./signatures.ts";

export interface EntryPoint {
  module: ModuleName;
  /** Absolute path of the module's entry file. */
  file: string;
}

export interface GenerateOptions {
  /** The tsconfig of the program to read (absolute). */
  tsconfig: string;
  entryPoints: EntryPoint[];
  /** Folder that page rules are relative to (runtime/src). */
  sourceRoot: string;
  /** Folder that source locations in messages and on pages are relative to (the repository). */
  displayRoot: string;
}

/** The runtime's public API does not meet the reference's rules (an export without docs, a file no page takes). */
export class ApiDocsError extends Error {
  override name = "ApiDocsError";
}

/** Runs TypeDoc over the entry points. Throws if TypeDoc reports an error (a broken program, a bad option). */
export async function loadProject(options: GenerateOptions): Promise<ProjectReflection> {
  const app = await Application.bootstrap({
    entryPoints: options.entryPoints.map((entry) => entry.file),
    tsconfig: options.tsconfig,
    // Type errors are `npm run check`'s business; the reference only reads declarations and comments.
    skipErrorChecking: true,
    excludePrivate: true,
    excludeInternal: true,
    readme: "none",
    disableGit: true,
    sourceLinkTemplate: "{path}#{line}",
    sort: ["source-order"],
    logLevel: "Error",
  });
  const project = await app.convert();
  if (!project || app.logger.hasErrors()) throw new ApiDocsError("TypeDoc could not read the runtime's API (its errors are above)");
  return project;
}

export async function generateReference(options: GenerateOptions): Promise<ApiReference> {
  return buildReference(await loadProject(options), options);
}

interface Located {
  reflection: DeclarationReflection;
  module: ModuleName;
  page: PageSpec;
  order: number;
}

const posix = (path: string) => path.split(sep).join("/");

/** Each export's position in its entry file's export list (comments aside): the reference lists them in that order. */
function exportOrder(entryFile: string): (name: string) => number {
  const text = readFileSync(entryFile, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  return (name) => {
    const index = text.search(new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`));
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
}

export function buildReference(project: ProjectReflection, options: GenerateOptions): ApiReference {
  const problems: string[] = [];
  const located: Located[] = [];
  const exportCounts = { "fastapi-ts": 0, "fastapi-ts/node": 0 } satisfies Record<ModuleName, number>;
  for (const entryPoint of options.entryPoints) {
    // With one entry point TypeDoc makes the project the module; with several, one child each.
    const moduleReflection =
      options.entryPoints.length === 1
        ? project
        : project.children?.find((candidate) => candidate.sources?.some((source) => source.fullFileName === entryPoint.file));
    if (!moduleReflection) throw new ApiDocsError(`TypeDoc did not read the entry point ${posix(relative(options.displayRoot, entryPoint.file))}`);
    const order = exportOrder(entryPoint.file);
    for (const reflection of moduleReflection.children ?? []) {
      exportCounts[entryPoint.module]++;
      const file = sourceFile(reflection);
      const where = `${posix(relative(options.displayRoot, file))}:${reflection.sources?.[0]?.line ?? 0}`;
      const page = pageFor(entryPoint.module, posix(relative(options.sourceRoot, file)));
      if (!page) {
        problems.push(`${where}: the export "${reflection.name}" of ${entryPoint.module} is declared in a file no reference page takes: add the file to a page in scripts/reference/pages.ts`);
        continue;
      }
      if (!summaryOf(reflection)) {
        problems.push(`${where}: the export "${reflection.name}" of ${entryPoint.module} has no TSDoc summary: write a /** … */ comment above it`);
      }
      located.push({ reflection, module: entryPoint.module, page, order: order(reflection.name) });
    }
  }
  if (problems.length) throw new ApiDocsError(`The API reference needs TSDoc on every public export:\n  ${problems.join("\n  ")}`);

  const targets = linkTargets(located, options.sourceRoot);
  const link: LinkTarget = (reflection) => {
    for (let current: Reflection | undefined = reflection; current; current = current.parent) {
      const target = targets.get(current.id);
      if (target) return target;
    }
    return undefined;
  };
  const entryNames = new Map(located.map((item) => [item.reflection.id, item.reflection.name]));
  const pages: ReferencePageData[] = [];
  for (const spec of [...pageSpecs, nodePage]) {
    const items = located.filter((item) => item.page === spec).sort((a, b) => a.order - b.order);
    if (!items.length) continue;
    pages.push({
      slug: spec.slug,
      title: spec.title,
      intro: spec.intro,
      entries: items.map((item) => toEntry(item, options, link, entryNames)),
    });
  }
  return { pages, exportCounts };
}

function sourceFile(reflection: DeclarationReflection): string {
  const source = reflection.sources?.[0] ?? reflection.signatures?.[0]?.sources?.[0];
  return source?.fullFileName ?? "";
}

/** The summary of an export: on the declaration, or (functions) on one of its signatures. */
function summaryOf(reflection: DeclarationReflection): string {
  const comments = [reflection.comment, ...(reflection.signatures ?? []).map((signature) => signature.comment)];
  return comments.map((comment) => comment?.summary.map((part) => part.text).join("").trim() ?? "").find(Boolean) ?? "";
}

/** Where each documented reflection is described: exports at `#Name`, their members at `#Name.member`. */
function linkTargets(located: readonly Located[], sourceRoot: string): Map<number, string> {
  const targets = new Map<number, string>();
  const inherited: [DeclarationReflection, string][] = [];
  for (const { reflection, page } of located) {
    const href = `${referencePath(page.slug)}#${reflection.name}`;
    targets.set(reflection.id, href);
    for (const signature of reflection.signatures ?? []) targets.set(signature.id, href);
    for (const member of reflection.children ?? []) {
      if (member.flags.isInherited) inherited.push([member, `${href}.${member.name}`]);
      else if (sourceFile(member).startsWith(sourceRoot)) targets.set(member.id, `${href}.${member.name}`);
    }
  }
  // An inherited member is described where it is declared when that class is documented (see membersOf), else on
  // the class that inherits it.
  for (const [member, own] of inherited) {
    const declared = declaringMember(member);
    const target = declared ? targets.get(declared.id) : undefined;
    if (target) targets.set(member.id, target);
    else if (sourceFile(member).startsWith(sourceRoot)) targets.set(member.id, own);
  }
  return targets;
}

/** The member an inherited member is declared as, through any number of classes; undefined outside the program. */
function declaringMember(member: DeclarationReflection): DeclarationReflection | undefined {
  let current: DeclarationReflection | undefined = member;
  while (current?.flags.isInherited) {
    const next: Reflection | undefined = current.inheritedFrom?.reflection;
    current = next?.isDeclaration() ? next : undefined;
  }
  return current;
}

const kinds: [ReflectionKind, EntryKind][] = [
  [ReflectionKind.Class, "class"],
  [ReflectionKind.Function, "function"],
  [ReflectionKind.Interface, "interface"],
  [ReflectionKind.TypeAlias, "type"],
  [ReflectionKind.Variable, "const"],
];

function toEntry(item: Located, options: GenerateOptions, link: LinkTarget, entryNames: ReadonlyMap<number, string>): ApiEntry {
  const { reflection } = item;
  const kind = kinds.find(([flag]) => reflection.kindOf(flag))?.[1];
  if (!kind) throw new ApiDocsError(`the export "${reflection.name}" is a ${ReflectionKind[reflection.kind]}, which the reference does not show yet`);
  const source = `${posix(relative(options.displayRoot, sourceFile(reflection)))}:${reflection.sources?.[0]?.line ?? 0}`;
  const signatures = (reflection.signatures ?? []).map((signature) =>
    toSignature(signature, link, kind === "function" ? functionText(reflection.name, signature) : callSignatureText(signature)),
  );
  const documented = [reflection.comment, ...(reflection.signatures ?? []).map((signature) => signature.comment)].find((comment) => comment?.summary.length);
  const { members, inherited } = kind === "class" || kind === "interface" ? membersOf(reflection, options, link, entryNames) : { members: [], inherited: [] };
  return {
    name: reflection.name,
    module: item.module,
    kind,
    source,
    code: kind === "function" ? signatures.map((signature) => signature.code).join("\n") : declarationText(reflection),
    doc: docComment(documented, link, kind === "function" ? reflection.signatures?.[0] : undefined),
    signatures,
    members,
    inherited,
  };
}

function toSignature(signature: SignatureReflection, link: LinkTarget, code: string): ApiSignature {
  return {
    code,
    doc: signature.comment ? docComment(signature.comment, link, signature) : { ...emptyDoc, params: docComment(undefined, link, signature).params },
    parameters: (signature.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      type: typeText(parameter.type),
      optional: parameter.flags.isOptional || parameter.defaultValue !== undefined,
      defaultValue: parameter.defaultValue && parameter.defaultValue !== "..." ? parameter.defaultValue : null,
      doc: docComment(parameter.comment, link).summary,
    })),
  };
}

function membersOf(
  reflection: DeclarationReflection,
  options: GenerateOptions,
  link: LinkTarget,
  entryNames: ReadonlyMap<number, string>,
): Pick<ApiEntry, "members" | "inherited"> {
  const members: ApiMember[] = [];
  const inherited = new Map<string, string[]>();
  for (const member of reflection.children ?? []) {
    const base = member.flags.isInherited ? declaringMember(member)?.parent : undefined;
    const baseName = base ? entryNames.get(base.id) : undefined;
    if (member.flags.isInherited && baseName) {
      inherited.set(baseName, [...(inherited.get(baseName) ?? []), member.name]);
      continue;
    }
    // Members inherited from outside the runtime (Error's `message`, `stack`) are the platform's, not ours.
    if (!sourceFile(member).startsWith(options.sourceRoot)) continue;
    members.push(toMember(reflection, member, link));
  }
  for (const index of reflection.indexSignatures ?? []) {
    const parameter = index.parameters?.[0];
    members.push({
      id: `${reflection.name}.index`,
      name: "[index]",
      kind: "index",
      code: `[${parameter?.name ?? "key"}: ${typeText(parameter?.type)}]: ${typeText(index.type)}`,
      doc: docComment(index.comment, link),
      signatures: [],
    });
  }
  return { members, inherited: [...inherited].map(([from, names]) => ({ from, members: names })) };
}

function toMember(owner: DeclarationReflection, member: DeclarationReflection, link: LinkTarget): ApiMember {
  const kind: ApiMember["kind"] = member.kindOf(ReflectionKind.Constructor)
    ? "constructor"
    : member.kindOf(ReflectionKind.Method)
      ? "method"
      : member.kindOf(ReflectionKind.Accessor)
        ? "accessor"
        : "property";
  const signatures = kind === "method" || kind === "constructor" ? (member.signatures ?? []) : [];
  const comment =
    member.comment ??
    signatures.find((signature) => signature.comment)?.comment ??
    member.getSignature?.comment ??
    member.setSignature?.comment;
  const doc: DocComment = comment ? docComment(comment, link, signatures[0]) : { ...emptyDoc, params: docComment(undefined, link, signatures[0]).params };
  return {
    id: `${owner.name}.${member.name}`,
    name: member.name,
    kind,
    code: memberText(member),
    doc,
    signatures: signatures.map((signature) => toSignature(signature, link, "")),
  };
}
