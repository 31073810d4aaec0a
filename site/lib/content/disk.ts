// Reads tutorials/ from disk, for Node scripts and tests (the site reads it through Vite's import.meta.glob).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type ContentSources, classifySources } from "./sources.ts";

export function readSourcesFromDisk(tutorialsDir: string): ContentSources {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(tutorialsDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(tutorialsDir, full).split(sep).join("/");
    if (path.split("/").includes("node_modules")) continue;
    if (!/\.(md|ts)$/.test(path) && !path.endsWith("/_order")) continue;
    files[path] = readFileSync(full, "utf8");
  }
  return classifySources(files);
}
