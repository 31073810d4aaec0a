/**
 * Stops early, with one line, on a Node.js older than the package supports, instead of failing somewhere inside.
 * Imported first by the package's entries; a no-op on other hosts (browsers, Deno, Bun, workerd).
 * @module
 */

/** The oldest Node.js release fastapi-ts runs on (as in its package.json's `engines`). */
export const MIN_NODE = "22.12.0";

function older(version: string, than: string): boolean {
  const a = version.split(".").map(Number);
  const b = than.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/** The line to print on a Node.js older than {@link MIN_NODE}, or `null` when this host is fine. */
export function nodeVersionProblem(versions: { node?: string; bun?: string; deno?: string } | undefined): string | null {
  if (!versions?.node || versions.bun || versions.deno || !older(versions.node, MIN_NODE)) return null;
  return `fastapi-ts needs Node.js ${MIN_NODE} or newer (24 recommended); this is Node.js ${versions.node}. Install a newer Node (for example \`nvm install 24\`) and run it again.`;
}

interface HostProcess {
  versions?: { node?: string; bun?: string; deno?: string };
  exit?: (code: number) => never;
}

const host = (globalThis as { process?: HostProcess }).process;
const problem = (globalThis as { Deno?: unknown }).Deno === undefined ? nodeVersionProblem(host?.versions) : null;
if (problem && host?.exit) {
  console.error(problem);
  host.exit(1);
}
