/**
 * The runtimes the package check runs the smoke app on, installed from the npm registry into a cache
 * (node_modules/.cache/fastapi-ts-package-check/runtimes) so that a second run installs nothing. Each comes as a
 * registry package that ships its binary: Node as `node-<os>-<cpu>` (what the `node` package installs), Bun's and
 * Deno's platform packages (the optional dependencies of `bun` and `deno`). Workers run in workerd through wrangler,
 * which the smoke project installs itself, as the guide tells a user to.
 * Install scripts are not run: the binaries are found in their platform packages directly.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The versions checked. Node 22 and 24 are the maintained lines; 20 is there to see its one-line refusal. */
export const RUNTIME_VERSIONS = {
  node20: "20",
  node22: "22",
  node24: "24",
  bun: "1.4.5",
  deno: "2.9.6",
} as const;

/** Paths of the installed runtimes. */
export interface Runtimes {
  /** Node executables by major version. */
  node: { 20: string; 22: string; 24: string };
  bun: string;
  deno: string;
}

const nodePlatform = `${process.platform === "win32" ? "win" : process.platform}-${process.arch}`;

function manifest(): Record<string, unknown> {
  const dependencies: Record<string, string> = {
    bun: RUNTIME_VERSIONS.bun,
    deno: RUNTIME_VERSIONS.deno,
  };
  for (const major of [20, 22, 24] as const) dependencies[`node${major}`] = `npm:node-${nodePlatform}@^${RUNTIME_VERSIONS[`node${major}`]}`;
  return { name: "fastapi-ts-package-check-runtimes", private: true, dependencies };
}

/** The executable inside the one platform package npm installed under `scope` (e.g. `@oven/bun-linux-x64`). */
function platformBinary(modules: string, scope: string, prefix: string, file: string): string {
  const dir = join(modules, scope);
  const candidates = existsSync(dir) ? readdirSync(dir).filter((d) => d.startsWith(prefix)).map((d) => join(dir, d, file)) : [];
  const found = candidates.find((c) => existsSync(c) && spawnSync(c, ["--version"]).status === 0);
  if (!found) throw new Error(`no working ${scope}/${prefix}* binary in ${modules}`);
  return found;
}

/**
 * Installs the runtimes into `cacheDir` unless the same versions are there already, and returns their paths.
 * `log` gets one line when it installs.
 */
export async function installRuntimes(cacheDir: string, log: (line: string) => void): Promise<Runtimes> {
  await mkdir(cacheDir, { recursive: true });
  const pkg = JSON.stringify(manifest(), null, 2) + "\n";
  const pkgFile = join(cacheDir, "package.json");
  const modules = join(cacheDir, "node_modules");
  const current = existsSync(pkgFile) ? await readFile(pkgFile, "utf8") : "";
  if (current !== pkg || !existsSync(join(modules, ".package-check-complete"))) {
    log(`installing runtimes into ${cacheDir} (once; later runs reuse them)`);
    await writeFile(pkgFile, pkg);
    const npm = spawnSync("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"], {
      cwd: cacheDir, stdio: ["ignore", "inherit", "inherit"], env: cleanEnv(),
    });
    if (npm.status !== 0) throw new Error(`npm install of the runtimes failed (exit ${npm.status})`);
    await writeFile(join(modules, ".package-check-complete"), "");
  }
  const exe = process.platform === "win32" ? "node.exe" : "bin/node";
  return {
    node: { 20: join(modules, "node20", exe), 22: join(modules, "node22", exe), 24: join(modules, "node24", exe) },
    bun: platformBinary(modules, "@oven", `bun-${process.platform}-${process.arch === "arm64" ? "aarch64" : process.arch}`, process.platform === "win32" ? "bin/bun.exe" : "bin/bun"),
    deno: platformBinary(modules, "@deno", `${process.platform}-${process.arch}`, process.platform === "win32" ? "deno.exe" : "deno"),
  };
}

/**
 * The environment for child processes, without what `npm run` adds (npm_config_*, npm_package_*, npm_lifecycle_*)
 * and without NODE_OPTIONS: the temporary project must install and run as in a user's shell, not inherit the
 * workspace's settings.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== "NODE_OPTIONS" && k !== "INIT_CWD") env[k] = v;
  return { ...env, ...extra };
}
