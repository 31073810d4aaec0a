/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by function and by area (fastapi-ts
 * sources, zod, Node internals, …), to see where a request's time goes.
 *
 *   node bench/profile.ts bench/profiles/CPU.*.cpuprofile
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

function area(url: string, fn: string): string {
  if (!url) return fn === "(garbage collector)" ? "GC" : fn === "(idle)" || fn === "(program)" ? fn : "native";
  const m = /runtime\/src\/(.*)$/.exec(url);
  if (m) return `fastapi-ts ${m[1]}`;
  if (url.includes("/node_modules/zod/")) return "zod";
  if (url.startsWith("node:")) return url.replace(/^node:internal\//, "node:").replace(/\/.*$/, "");
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return nm ? nm[1]! : url.replace(/^.*\//, "");
}

export function summarizeProfile(file: string, top = 30): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  const total = profile.samples.length;
  const byFn = new Map<string, number>();
  const byArea = new Map<string, number>();
  let idle = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === "(idle)") idle += hits;
    const where = url ? `${url.replace(/^file:\/\/.*?\/(runtime|bench)\//, "$1/").replace(/^.*node_modules\//, "")}:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"} ${where}`;
    byFn.set(key, (byFn.get(key) ?? 0) + hits);
    const a = area(url, functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + hits);
  }
  const busy = total - idle;
  const pct = (h: number) => ((100 * h) / busy).toFixed(1).padStart(5) + "%";
  const lines = [`${total} samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s; ${((100 * idle) / total).toFixed(1)}% idle; shares below are of the busy samples.`, ""];
  lines.push("By area:", "```");
  for (const [k, v] of [...byArea].filter(([k]) => k !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`${pct(v)}  ${k}`);
  lines.push("```", "", `Top ${top} functions by self time:`, "```");
  for (const [k, v] of [...byFn].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(v)}  ${k}`);
  lines.push("```");
  // Inclusive ("total") time of functions: self time plus callees, counted once per stack.
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(runtime|bench)\//, "$1/").replace(/^.*node_modules\//, "")}:${n.callFrame.lineNumber + 1}`;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits || n.callFrame.functionName === "(idle)") continue;
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const k = keyOf(nodes.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + hits);
    }
  }
  lines.push("", "fastapi-ts functions by total time (self + callees):", "```");
  for (const [k, v] of [...inclusive].filter(([k]) => k.includes("runtime/src")).sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(v)}  ${k}`);
  lines.push("```");
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of process.argv.slice(2)) console.log(`# ${f}\n\n${summarizeProfile(f)}\n`);
}
