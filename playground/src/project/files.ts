// Adding, renaming and deleting a project's files, with the rules a name must follow. Pure functions:
// the playground applies them to its state, and share links check names with the same rule.
import type { ProjectFiles } from "../executor/types.ts";

/** The entry: it exports the app, so it is never renamed or deleted. */
export const ENTRY = "main.ts";

const MAX_NAME_LENGTH = 100;
const SEGMENT = /^[\w.-]+$/;
/** What the in-browser bundler loads as modules (it reads every file as TypeScript). */
const MODULE_EXTENSION = /\.(ts|mts|js|mjs)$/;

/**
 * Whether `name` stays inside the project: folders and file names of letters, digits, `_`, `.` and `-`,
 * joined by `/`, none of them `..`. Share links accept any such name (the rule of v1 links).
 */
export function isProjectPath(name: string): boolean {
  return name.split("/").every((segment) => SEGMENT.test(segment) && segment !== "..");
}

/** Why `name` cannot be a new name in `files` (besides `current`, the file being renamed), or undefined if it can. */
export function fileNameProblem(name: string, files: ProjectFiles, current?: string): string | undefined {
  if (!name) return "Give the file a name, such as routers/items.ts.";
  if (name.length > MAX_NAME_LENGTH) return `A file name has at most ${MAX_NAME_LENGTH} characters.`;
  if (name.startsWith("/") || name.startsWith("./")) return "Write the name relative to the project, without a leading / or ./ (routers/items.ts).";
  if (!isProjectPath(name) || name.split("/").includes(".")) return "Use letters, digits, _, . and - in names, and / between folders (no spaces, no . or .. folders).";
  if (!MODULE_EXTENSION.test(name)) return "End the name with .ts or .js: the playground runs TypeScript and JavaScript modules.";
  if (name === current) return undefined;
  if (name === ENTRY) return `${ENTRY} is the project's entry, and it already exists.`;
  const lower = name.toLowerCase();
  for (const existing of Object.keys(files)) {
    if (existing === current) continue;
    if (existing.toLowerCase() === lower) return `There is already a file named ${existing}.`;
    if (existing.startsWith(`${name}/`) || name.startsWith(`${existing}/`)) return `${name} would clash with ${existing}: a name cannot be both a file and a folder.`;
  }
  return undefined;
}

/** Thrown when a change to the files is refused; its message is for the reader. */
export class FileNameError extends Error {
  override name = "FileNameError";
}

/** `files` with a new, empty file `name` at the end. */
export function addFile(files: ProjectFiles, name: string, content = ""): ProjectFiles {
  const problem = fileNameProblem(name, files);
  if (problem) throw new FileNameError(problem);
  return { ...files, [name]: content };
}

/** `files` with `from` renamed to `to`, in the same place among the others. */
export function renameFile(files: ProjectFiles, from: string, to: string): ProjectFiles {
  if (from === ENTRY) throw new FileNameError(`${ENTRY} is the project's entry: it keeps its name.`);
  if (!(from in files)) throw new FileNameError(`There is no file named ${from}.`);
  const problem = fileNameProblem(to, files, from);
  if (problem) throw new FileNameError(problem);
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [name === from ? to : name, content]));
}

/** `files` without `name`. */
export function deleteFile(files: ProjectFiles, name: string): ProjectFiles {
  if (name === ENTRY) throw new FileNameError(`${ENTRY} is the project's entry: it cannot be deleted.`);
  if (!(name in files)) throw new FileNameError(`There is no file named ${name}.`);
  return Object.fromEntries(Object.entries(files).filter(([other]) => other !== name));
}

/** The order a project's files are shown in: main.ts first, its test last, the others by path between them. */
export function exampleFileOrder(names: readonly string[]): string[] {
  const rank = (name: string) => (name === ENTRY ? 0 : name === "main.test.ts" ? 2 : 1);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
