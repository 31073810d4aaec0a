/**
 * The package check (issue 18): what a user gets from `npm install fastapi-ts zod`, proved on every runtime.
 *
 *   1. `npm pack` of runtime/ (prepack builds dist/ and applies publishConfig);
 *   2. `npm install <tarball> zod` in an empty folder outside the workspace, with no overrides and none of the
 *      workspace's npm settings; the install's size is reported;
 *   3. the smoke app (smoke/main.ts) type-checked against the installed .d.ts;
 *   4. the smoke app served on Node 24 and 22 (the CLI, and `serve(app)`), Bun (`Bun.serve`), Deno (`Deno.serve`)
 *      and workerd (`wrangler dev`), all at once, each asked every request of checks.ts over real HTTP; every
 *      answer must be the expected one, and identical across runtimes but for what a host cannot do;
 *   5. Node 20: the CLI and the package's entry each print one line naming the Node they need;
 *   6. the root project on Node 20: npm refuses to install it, and `npm start`/`npm test` print the guard's line;
 *   7. the Deployment guide (tutorials/deployment/): the files it shows are the smoke files, every command it shows
 *      runs (servers are started, asked, and stopped), and its Dockerfile's steps and command run without Docker.
 *
 *   node scripts/package-check/run.ts [--keep]     (--keep leaves the temporary folder for a look)
 *
 * Runtimes are installed from the npm registry once into node_modules/.cache/fastapi-ts-package-check/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHECKS, mismatch, type Answer, type Host } from "./checks.ts";
import { guideCommands, guideFences, runDockerfile } from "./guide.ts";
import { freePort, run, size, startAndProbe, stop } from "./processes.ts";
import { cleanEnv, installRuntimes, type Runtimes } from "./runtimes.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const keep = process.argv.includes("--keep");
const started = performance.now();
const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`package-check [${since()}] ${line}`);
const failures: string[] = [];
let passed = 0;
const pass = () => void passed++;
const fail = (what: string) => void failures.push(what);

// ---------------------------------------------------------------------------------------------------------------
// 1–2. Pack, install in a clean folder; the runtimes install meanwhile.

const work = mkdtempSync(join(tmpdir(), "fastapi-ts-package-check-"));
const project = join(work, "app");
cpSync(join(here, "smoke"), project, { recursive: true });
writeFileSync(join(project, "package.json"), JSON.stringify({ name: "smoke", private: true, type: "module" }, null, 2) + "\n");

const cache = join(root, "node_modules", ".cache", "fastapi-ts-package-check");
const runtimesReady = installRuntimes(join(cache, "runtimes"), log);
runtimesReady.catch(() => {});

const manifestBefore = readFileSync(join(root, "runtime", "package.json"), "utf8");
const packed = await run("npm", ["pack", "--pack-destination", work, "--silent"], join(root, "runtime"));
const tarball = packed.out.trim().split("\n").pop()!;
if (packed.code !== 0 || !existsSync(join(work, tarball))) {
  console.error(packed.out);
  throw new Error("npm pack failed");
}
if (readFileSync(join(root, "runtime", "package.json"), "utf8") !== manifestBefore) fail("npm pack left runtime/package.json changed");
const tarballKB = statSync(join(work, tarball)).size / 1024;
log(`packed ${tarball} (${tarballKB.toFixed(0)} kB)`);

const installed = await run("npm", ["install", "--no-audit", "--no-fund", join(work, tarball), "zod"], project);
if (installed.code !== 0) {
  console.error(installed.out);
  throw new Error("npm install <tarball> zod failed in an empty folder");
}
const installedSize = size(join(project, "node_modules"));
const userPackages = readdirSync(join(project, "node_modules")).filter((e) => !e.startsWith("."));
// Workers are served by wrangler, which a project installs as a dev dependency (the guide shows this command).
const wrangler = await run("sh", ["-c", "npm install --save-dev wrangler --no-audit --no-fund"], project);
if (wrangler.code !== 0) fail(`npm install --save-dev wrangler failed:\n${wrangler.out}`);
const userManifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as Record<string, unknown>;
if ("overrides" in userManifest) fail("the temporary project has overrides");
else pass();

const modules = join(project, "node_modules");
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const total = installedSize;
const zodSize = size(join(modules, "zod"));
const packages = userPackages;
log(`installed in a clean folder: node_modules ${mb(total)} (fastapi-ts and its dependencies ${mb(total - zodSize)}, zod ${mb(zodSize)}; ${packages.join(", ")})`);

// ---------------------------------------------------------------------------------------------------------------
// 3. The smoke app type-checks against the installed declarations (as a user's editor sees them).

writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
  compilerOptions: {
    target: "es2023", module: "nodenext", strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true,
    types: ["node"], typeRoots: [join(root, "node_modules", "@types")],
  },
  files: ["main.ts", "server.ts"],
}, null, 2));
const typechecked = run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], project);

// ---------------------------------------------------------------------------------------------------------------
// 4. The smoke app on every runtime, at once.

const rows: string[][] = [];
const runtimes: Runtimes = await runtimesReady;
function version(bin: string): string {
  return spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim();
}
const wranglerVersion = (JSON.parse(readFileSync(join(project, "node_modules", "wrangler", "package.json"), "utf8")) as { version: string }).version;
log(`runtimes ready: Node ${version(runtimes.node[24])}, ${version(runtimes.node[22])}, ${version(runtimes.node[20])}; Bun ${version(runtimes.bun)}; ${version(runtimes.deno).split("\n")[0]}; wrangler ${wranglerVersion}`);

interface Target {
  name: string;
  host: Host;
  /** The command, exactly as the README and the deployment guide show it, run by `sh -c` in the project. */
  command: string;
  /** The Node whose folder comes first on PATH (`node`, `npx` and the CLI's `#!/usr/bin/env node` use it). */
  node: 22 | 24;
}

/** Servers the guide shows, and the runtimes they need on PATH. `PORT` is set for each (wrangler gets `--port`). */
const nodeHost: Host = { websockets: true, files: true };
const TARGETS: Target[] = [
  { name: "Node 24 · fastapi-ts run", host: nodeHost, command: "npx fastapi-ts run main.ts", node: 24 },
  { name: "Node 22 · fastapi-ts run", host: nodeHost, command: "npx fastapi-ts run main.ts", node: 22 },
  { name: "Node 24 · serve(app)", host: nodeHost, command: "node server.ts", node: 24 },
  { name: "Node 22 · serve(app)", host: nodeHost, command: "node server.ts", node: 22 },
  { name: "Bun · Bun.serve", host: { websockets: false, files: true }, command: "bun bun.ts", node: 24 },
  { name: "Deno · Deno.serve", host: { websockets: false, files: true }, command: "deno run --allow-net --allow-env --allow-read deno.ts", node: 24 },
  { name: "workerd · wrangler dev", host: { websockets: false, files: false }, command: "npx wrangler dev", node: 24 },
];
const targets = TARGETS;

/** PATH with the chosen Node, Bun and Deno first, as a user who installed them would have it. */
function pathFor(node: 20 | 22 | 24): string {
  return [dirname(runtimes.node[node]), dirname(runtimes.bun), dirname(runtimes.deno), process.env.PATH ?? ""].join(":");
}
const withNode = (bin: string) => ({ PATH: `${dirname(bin)}:${process.env.PATH ?? ""}` });

interface Served {
  target: Target;
  answers: (Answer | Error)[];
  output: string;
  readyMs: number;
}

async function serveAndCheck(target: Target): Promise<Served> {
  const port = await freePort();
  // wrangler takes its port from the command line, the others from PORT (the CLI's default, and the entries').
  const command = target.command.includes("wrangler dev") ? `${target.command} --ip 127.0.0.1 --port ${port} --show-interactive-dev-session=false` : target.command;
  const t0 = performance.now();
  const child: ChildProcess = spawn("sh", ["-c", `exec ${command}`], {
    cwd: project, stdio: ["ignore", "pipe", "pipe"], detached: true,
    env: cleanEnv({
      PORT: String(port), PATH: pathFor(target.node), HOST: "127.0.0.1",
      DENO_DIR: join(cache, "deno-dir"), DENO_NO_UPDATE_CHECK: "1",
      CI: "true", WRANGLER_SEND_METRICS: "false", WRANGLER_LOG_PATH: join(work, "wrangler-logs"),
    }),
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  try {
    // Ready when it answers anything (wrangler's proxy listens before the worker is up: wait for the app's answer).
    const deadline = performance.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering:\n${output}`);
      if (performance.now() > deadline) throw new Error(`no answer within 90 s:\n${output}`);
      try {
        const res = await fetch(`${base}/items/1`, { signal: AbortSignal.timeout(5000) });
        if (res.status === 200) break;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    const readyMs = performance.now() - t0;
    const answers: (Answer | Error)[] = [];
    for (const check of CHECKS) answers.push(await check.run(base).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    // A host may print its log late (wrangler does): wait a little for the lines a check looks for.
    const awaited = CHECKS.map((c) => c.expect(target.host).log).filter((l): l is string => l !== undefined);
    for (let i = 0; i < 100 && !awaited.every((l) => output.includes(l)); i++) await new Promise((r) => setTimeout(r, 100));
    return { target, answers, output, readyMs };
  } finally {
    stop(child);
  }
}

const served = await Promise.all(targets.map((t) => serveAndCheck(t).catch((e: unknown) => ({ target: t, error: e as Error }))));
const typecheck = await typechecked;
if (typecheck.code === 0) pass();
else fail(`the smoke app does not type-check against the installed package:\n${typecheck.out}`);
rows.push(["tsc on the smoke app (installed .d.ts)", "–", typecheck.code === 0 ? "no errors" : "ERRORS"]);
const reference = served[0] && "answers" in served[0] ? served[0] : null;
for (const s of served) {
  if ("error" in s) {
    fail(`${s.target.name}: ${s.error.message}`);
    rows.push([s.target.name, "–", "did not start"]);
    continue;
  }
  let ok = 0;
  const notes: string[] = [];
  CHECKS.forEach((check, i) => {
    const answer = s.answers[i]!;
    const want = check.expect(s.target.host);
    const why = answer instanceof Error ? answer.message : mismatch(answer, want);
    const ref = reference?.answers[i];
    const sameHost = JSON.stringify(check.expect(reference!.target.host)) === JSON.stringify(want);
    const differs = !why && sameHost && ref && !(ref instanceof Error) && !(answer instanceof Error)
      && (ref.status !== answer.status || ref.body !== answer.body || ref.contentType !== answer.contentType);
    if (why) fail(`${s.target.name}: ${check.name}: ${why}`);
    else if (differs) fail(`${s.target.name}: ${check.name}: differs from ${reference!.target.name}: ${(answer as Answer).contentType} ${(answer as Answer).body.slice(0, 300)}`);
    else if (want.log && !s.output.includes(want.log)) fail(`${s.target.name}: ${check.name}: the server's output does not say ${JSON.stringify(want.log)}:\n${s.output}`);
    else {
      ok++;
      pass();
      if (want.status !== check.expect(nodeHost).status) notes.push(`${check.name.split(" (")[0]} → ${want.status}`);
    }
  });
  rows.push([s.target.name, `${(s.readyMs / 1000).toFixed(1)} s`, `${ok}/${CHECKS.length}${notes.length ? ` (as declared: ${notes.join("; ")})` : ""}`]);
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Node 20: one clear line.

const node20 = version(runtimes.node[20]);
const expected20 = `fastapi-ts needs Node.js 22.12.0 or newer (24 recommended); this is Node.js ${node20.slice(1)}. Install a newer Node (for example \`nvm install 24\`) and run it again.`;
for (const [what, cmd, args, env] of [
  ["fastapi-ts run", "node_modules/.bin/fastapi-ts", ["run", "main.ts"], withNode(runtimes.node[20])],
  ['import "fastapi-ts"', runtimes.node[20], ["--input-type=module", "-e", 'import "fastapi-ts";'], {}],
] as const) {
  const r = spawnSync(cmd, args, { cwd: project, env: cleanEnv(env), encoding: "utf8", timeout: 30_000 });
  const lines = (r.stdout + r.stderr).trim().split("\n");
  if (r.status === 1 && lines.length === 1 && lines[0] === expected20) pass();
  else fail(`Node ${node20} · ${what}: want exit 1 and the one line ${JSON.stringify(expected20)}, got exit ${r.status}:\n${r.stdout}${r.stderr}`);
  rows.push([`Node ${node20.slice(1).split(".")[0]} · ${what}`, "–", r.status === 1 && lines.length === 1 && lines[0] === expected20 ? "refused in one line" : "WRONG"]);
}

// 6. The root project on Node 20: `npm install` is refused by npm (engine-strict) before it installs anything, in a
// copy of the root's manifest, lock and .npmrc; `npm start` and `npm test` stop at the guard's one line.

const rootCopy = join(work, "root");
mkdirSync(rootCopy);
for (const f of ["package.json", "package-lock.json", ".npmrc"]) cpSync(join(root, f), join(rootCopy, f));
const old = cleanEnv(withNode(runtimes.node[20]));
const install20 = spawnSync("npm", ["install"], { cwd: rootCopy, env: old, encoding: "utf8", timeout: 60_000 });
const refused = install20.status !== 0 && /EBADENGINE|Unsupported engine/.test(install20.stderr) && !existsSync(join(rootCopy, "node_modules"));
if (refused) pass();
else fail(`root project · npm install on Node ${node20}: want npm's engine refusal and nothing installed, got exit ${install20.status}:\n${install20.stderr}`);
rows.push([`root project · npm install on Node 20`, "–", refused ? "refused by npm (engine-strict), nothing installed" : "WRONG"]);
const rootLine = new RegExp(`^This project needs Node\\.js \\S+ or newer; this is Node\\.js ${node20.replace(/\./g, "\\.")}\\. Run \`nvm install\``);
for (const script of ["start", "test"]) {
  const r = spawnSync("npm", ["run", script, "--silent"], { cwd: root, env: old, encoding: "utf8", timeout: 60_000 });
  const lines = (r.stdout + r.stderr).trim().split("\n");
  const ok = r.status !== 0 && rootLine.test(lines[0] ?? "") && !/ERR_|Error/.test(r.stdout + r.stderr);
  if (ok) pass();
  else fail(`root project · npm ${script} on Node ${node20}: want the guard's line first, got exit ${r.status}:\n${r.stdout}${r.stderr}`);
  rows.push([`root project · npm ${script} on Node 20`, "–", ok ? "stopped with one line" : "WRONG"]);
}

// 7. The Deployment guide: its files are the smoke files, and every command it shows runs here.

const guideDir = join(root, "tutorials", "deployment");
const fences = guideFences(guideDir);
const smokeFiles = readdirSync(join(here, "smoke")).map((f) => readFileSync(join(here, "smoke", f), "utf8"));
const shownFiles = fences.filter((f) => f.page === "install-and-run.md" && (f.lang === "ts" || f.lang === "json"));
const stale = shownFiles.filter((f) => !smokeFiles.some((content) => content.trim() === f.body.trim()));
if (shownFiles.length >= 6 && stale.length === 0) pass();
else fail(`install-and-run.md shows ${shownFiles.length} files, ${stale.length} of them not as in scripts/package-check/smoke/:\n${stale.map((f) => f.body.slice(0, 200)).join("\n---\n")}`);

const covered = new Map<string, string>([
  ["npm install fastapi-ts zod", "the install in the clean folder (from the packed tarball)"],
  ["npm install --save-dev wrangler", "run before the servers"],
  ...[...new Set(TARGETS.map((t) => t.command))].map((c) => [c, `served and checked: ${TARGETS.filter((t) => t.command === c).map((t) => t.name).join(", ")}`] as [string, string]),
]);
const guideRuns: Promise<void>[] = [];
for (const { page, command } of guideCommands(guideDir)) {
  const label = `guide ${page}: ${command}`;
  if (covered.has(command)) {
    pass();
    rows.push([label, "–", covered.get(command)!]);
  } else if (command.startsWith("docker ")) {
    rows.push([label, "–", "no Docker engine here: the Dockerfile's steps and CMD run below"]);
  } else if (/fastapi-ts (run|dev)\b/.test(command)) {
    guideRuns.push((async () => {
      const port = await freePort();
      const env = cleanEnv({ PORT: String(port), PATH: pathFor(24) });
      const line = command.replace(/--port \d+/, `--port ${port}`);
      try {
        const clean = await startAndProbe(["sh", "-c", `exec ${line}`], project, env, port);
        if (clean) pass();
        else fail(`${label}: did not stop cleanly on SIGTERM`);
        rows.push([label, "–", clean ? "answered, stopped cleanly" : "did not stop cleanly"]);
      } catch (e) {
        fail(`${label}: ${(e as Error).message}`);
        rows.push([label, "–", "FAILED"]);
      }
    })());
  } else {
    const r = spawnSync("sh", ["-c", command], { cwd: project, env: cleanEnv({ PATH: pathFor(24), CI: "true", WRANGLER_SEND_METRICS: "false" }), encoding: "utf8", timeout: 120_000 });
    if (r.status === 0) pass();
    else fail(`${label}: exit ${r.status}:\n${r.stdout}${r.stderr}`);
    rows.push([label, "–", r.status === 0 ? "exit 0" : `exit ${r.status}`]);
  }
}
await Promise.all(guideRuns);

// The Dockerfile, as far as a machine without Docker goes (see runDockerfile).
try {
  const node = await runDockerfile(fences, project, join(work, "image"), (major) => cleanEnv({ PATH: pathFor(major) }));
  pass();
  rows.push([`guide docker.md: Dockerfile (node:${node}), without a Docker engine`, "–", "steps run, CMD answered, stopped cleanly"]);
} catch (e) {
  fail(`guide docker.md: ${(e as Error).message}`);
  rows.push(["guide docker.md: Dockerfile", "–", "FAILED"]);
}

// ---------------------------------------------------------------------------------------------------------------

const width = Math.max(...rows.map((r) => r[0]!.length));
console.log("");
for (const r of rows) console.log(`  ${r[0]!.padEnd(width)}  ${r[1]!.padStart(6)}  ${r[2]}`);
console.log("");
const load = loadavg().map((x) => x.toFixed(1)).join(" ");
log(`done in ${since()} (load average ${load}); tarball ${tarballKB.toFixed(0)} kB, installed ${mb(total - zodSize)} + zod ${mb(zodSize)}`);
if (!keep) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
for (const f of failures) console.error(`FAILED ${f}`);
console.log(`package check: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
