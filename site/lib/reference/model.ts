// The API reference as data: what scripts/reference/ reads from the runtime's TSDoc and types at build time, and
// what the site renders (site/lib/reference/render.ts). Plain JSON: it crosses from the build into the site's bundle.

/** The package entry points the reference documents. */
export type ModuleName = "fastapi-ts" | "fastapi-ts/node";

export type EntryKind = "class" | "function" | "interface" | "type" | "const";

/** A doc comment, as markdown (code spans, fences, and links to other entries as site paths). */
export interface DocComment {
  summary: string;
  remarks: string;
  /** `@param` docs, by parameter name. */
  params: { name: string; doc: string }[];
  returns: string;
  /** `@example` blocks, each markdown (usually one fenced block). */
  examples: string[];
  deprecated: string | null;
  see: string[];
}

export interface ApiParameter {
  name: string;
  type: string;
  optional: boolean;
  defaultValue: string | null;
  doc: string;
}

/** One call form: a function's overload, a constructor, a method, or an interface's call signature. */
export interface ApiSignature {
  /** TypeScript text of the signature, as a declaration file would write it. */
  code: string;
  doc: DocComment;
  parameters: ApiParameter[];
}

export interface ApiMember {
  /** Anchor: "FastAPI.openapi", "FastAPI.constructor". */
  id: string;
  name: string;
  kind: "constructor" | "property" | "method" | "accessor" | "call" | "index";
  code: string;
  doc: DocComment;
  signatures: ApiSignature[];
}

export interface ApiEntry {
  /** The export's name, also its anchor on the page. */
  name: string;
  module: ModuleName;
  kind: EntryKind;
  /** Where it is declared: "runtime/src/app.ts:95". */
  source: string;
  /** TypeScript text of the declaration's head (class/interface line, type alias, const), or of each overload. */
  code: string;
  doc: DocComment;
  signatures: ApiSignature[];
  members: ApiMember[];
  /** Members inherited from other documented classes, listed by name with a link to where they are described. */
  inherited: { from: string; members: string[] }[];
}

export interface ReferencePageData {
  slug: string;
  title: string;
  /** A sentence under the title (markdown). */
  intro: string;
  entries: ApiEntry[];
}

export interface ApiReference {
  pages: ReferencePageData[];
  /** How many public exports each entry point has (every one is on some page). */
  exportCounts: Record<ModuleName, number>;
}

/** The site path of the reference's index, and of one page. */
export const referenceRoot = "/reference";
export const referencePath = (slug: string): string => `${referenceRoot}/${slug}`;
