// Share links carry a whole project in the URL fragment (never sent to a server):
//   #code=v1.<base64url of deflate-raw(JSON {files, executor})>
// The version prefix lets old links keep working as the format evolves: each version has a decoder.
import type { ProjectFiles } from "../executor/types.ts";
import { ENTRY, isProjectPath } from "../project/files.ts";

/** What a share link carries. */
export interface SharedProject {
  files: ProjectFiles;
  /** Main file shown first; defaults to main.ts. */
  active?: string;
  executor?: "worker" | "webcontainer";
}

/** Why a link could not be opened, in words a reader can act on. */
export class ShareLinkError extends Error {
  override name = "ShareLinkError";
}

const CURRENT = "v1";
const MAX_DECODED_BYTES = 2 * 1024 * 1024;

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_DECODED_BYTES) {
      await reader.cancel();
      throw new ShareLinkError("This link's project is larger than 2 MB, so it was not opened.");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareLinkError("This link has characters a share link never contains; it may have been cut or changed.");
  const padded = text.replaceAll("-", "+").replaceAll("_", "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function validate(value: unknown): SharedProject {
  const project = value as Partial<SharedProject> | null;
  if (!project || typeof project !== "object" || !project.files || typeof project.files !== "object") {
    throw new ShareLinkError("This link does not contain a project.");
  }
  const files: ProjectFiles = {};
  for (const [name, content] of Object.entries(project.files)) {
    if (typeof content !== "string" || !isProjectPath(name)) {
      throw new ShareLinkError(`This link contains a file the playground cannot open (${JSON.stringify(name).slice(0, 60)}).`);
    }
    files[name] = content;
  }
  if (!(ENTRY in files)) throw new ShareLinkError(`This link's project has no ${ENTRY}.`);
  const active = typeof project.active === "string" && project.active in files ? project.active : ENTRY;
  const executor = project.executor === "webcontainer" ? "webcontainer" : "worker";
  return { files, active, executor };
}

/** Encodes a project as the payload of a share link (`v1.…`). */
export async function encodeProject(project: SharedProject): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ files: project.files, active: project.active, executor: project.executor }));
  return `${CURRENT}.${toBase64Url(await pipe(json, new CompressionStream("deflate-raw")))}`;
}

const decoders: Record<string, (data: string) => Promise<SharedProject>> = {
  async v1(data) {
    let bytes: Uint8Array;
    try {
      bytes = await pipe(fromBase64Url(data), new DecompressionStream("deflate-raw"));
    } catch (error) {
      if (error instanceof ShareLinkError) throw error;
      throw new ShareLinkError("This link is incomplete or damaged (was it cut off when it was copied?).");
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      throw new ShareLinkError("This link is damaged: its project could not be read.");
    }
    return validate(parsed);
  },
};

/** Decodes a share-link payload of any known version; throws `ShareLinkError` with a reader-facing message. */
export async function decodeProject(payload: string): Promise<SharedProject> {
  const dot = payload.indexOf(".");
  const version = dot > 0 ? payload.slice(0, dot) : "";
  const decoder = decoders[version];
  if (!decoder) throw new ShareLinkError(version ? `This link uses a format (${version.slice(0, 10)}) this site does not know; it may come from a newer version of the site.` : "This is not a playground link.");
  return decoder(payload.slice(dot + 1));
}

/** The share payload in a URL's fragment (`#code=…`), if any. */
export function payloadFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get("code") ?? undefined;
}
