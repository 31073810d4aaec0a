/**
 * The commands the Deployment guide (tutorials/deployment/) shows, read from its pages, so that the package check
 * runs every one of them: a page that shows a command the check does not know fails the check.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, startAndProbe } from "./processes.ts";

/** A fenced code block of a page. */
export interface Fence {
  page: string;
  lang: string;
  body: string;
  /** The paragraph just before it. */
  before: string;
}

/** Every fenced block of the guide's pages, in page order. */
export function guideFences(dir: string): Fence[] {
  const fences: Fence[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
    const text = readFileSync(join(dir, file), "utf8");
    const re = /^```(\w*)\n([\s\S]*?)^```$/gm;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const preceding = text.slice(0, m.index).trimEnd().split("\n\n").pop() ?? "";
      fences.push({ page: file, lang: m[1]!, body: m[2]!, before: preceding });
    }
  }
  return fences;
}

/** The shell commands the guide shows: one per non-empty line of its `sh` blocks. */
export function guideCommands(dir: string): { page: string; command: string }[] {
  return guideFences(dir)
    .filter((f) => f.lang === "sh")
    .flatMap((f) => f.body.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")).map((command) => ({ page: f.page, command })));
}

/** A Dockerfile's instructions, for running its steps without a Docker engine. */
export interface DockerSteps {
  /** Node's major version from `FROM node:<major>…`. */
  nodeMajor: number;
  env: Record<string, string>;
  steps: ({ copy: string[]; to: string } | { run: string })[];
  cmd: string[];
}

/** Parses the instructions the guide's Dockerfile uses (FROM, WORKDIR, ENV, COPY, RUN, USER, EXPOSE, CMD). */
export function parseDockerfile(text: string): DockerSteps {
  const result: DockerSteps = { nodeMajor: 0, env: {}, steps: [], cmd: [] };
  for (const line of text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))) {
    const [, op, arg] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    switch (op) {
      case "FROM": {
        const m = /^node:(\d+)/.exec(arg!);
        if (!m) throw new Error(`Dockerfile: FROM ${arg}: expected an official node image`);
        result.nodeMajor = Number(m[1]);
        break;
      }
      case "ENV": {
        const [k, v] = arg!.split("=");
        result.env[k!] = v ?? "";
        break;
      }
      case "COPY": {
        const parts = arg!.split(/\s+/);
        result.steps.push({ copy: parts.slice(0, -1), to: parts.at(-1)! });
        break;
      }
      case "RUN":
        result.steps.push({ run: arg! });
        break;
      case "CMD":
        result.cmd = JSON.parse(arg!) as string[];
        break;
      case "WORKDIR": case "USER": case "EXPOSE":
        break;
      default:
        throw new Error(`Dockerfile: ${op} is not run by the package check`);
    }
  }
  return result;
}

/**
 * Runs the guide's Dockerfile as far as a machine without a Docker engine goes: its COPY and RUN steps in `image`, a
 * folder laid out like the image's WORKDIR (COPY . . honours the page's .dockerignore), on the Node its FROM names,
 * then its CMD, which must serve the app and stop cleanly on SIGTERM. Resolves with the Node major; throws why not.
 */
export async function runDockerfile(fences: Fence[], project: string, image: string, envFor: (nodeMajor: 22 | 24) => NodeJS.ProcessEnv): Promise<number> {
  const dockerfile = fences.find((f) => f.page === "docker.md" && f.lang === "dockerfile");
  const dockerignore = fences.find((f) => f.page === "docker.md" && f.before.includes(".dockerignore"));
  if (!dockerfile || !dockerignore) throw new Error("docker.md shows no Dockerfile or no .dockerignore");
  const steps = parseDockerfile(dockerfile.body);
  const node = steps.nodeMajor === 22 || steps.nodeMajor === 24 ? steps.nodeMajor : null;
  if (!node) throw new Error(`FROM node:${steps.nodeMajor}: not a maintained line the check runs`);
  const ignored = new Set(dockerignore.body.split("\n").map((l) => l.trim()).filter(Boolean));
  mkdirSync(image);
  const env = { ...envFor(node), ...steps.env };
  for (const step of steps.steps) {
    if ("run" in step) {
      const r = spawnSync("sh", ["-c", step.run], { cwd: image, env, encoding: "utf8", timeout: 120_000 });
      if (r.status !== 0) throw new Error(`RUN ${step.run}: exit ${r.status}\n${r.stdout}${r.stderr}`);
    } else {
      for (const source of step.copy) {
        if (source === ".") {
          for (const entry of readdirSync(project)) if (!ignored.has(entry)) cpSync(join(project, entry), join(image, entry), { recursive: true });
        } else cpSync(join(project, source), join(image, source), { recursive: true });
      }
    }
  }
  const port = await freePort();
  const [cmd, ...args] = steps.cmd;
  if (!(await startAndProbe([join(image, cmd!), ...args], image, { ...env, PORT: String(port) }, port))) throw new Error("CMD did not stop cleanly on SIGTERM");
  return node;
}
