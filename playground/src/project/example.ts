import type { ProjectFiles } from "../executor/types.ts";
import { exampleFileOrder } from "./files.ts";

/** An example as the site serves it (examples/<topic>/<name>/project.json). */
export interface ExampleProject {
  name: string;
  files: ProjectFiles;
  prebuilt?: string;
}

/** Fetches an example's files and prebuilt bundle from the site. */
export async function fetchExample(siteUrl: string, name: string): Promise<ExampleProject> {
  if (!/^[a-z0-9_]+\/[a-z0-9_]+$/.test(name)) throw new Error(`"${name}" is not an example name`);
  const response = await fetch(new URL(`examples/${name}/project.json`, siteUrl));
  if (!response.ok) throw new Error(`The example ${name} could not be loaded (${response.status})`);
  const project = (await response.json()) as ExampleProject;
  // Editors show the files in this order: main.ts first, its test last.
  const files: ProjectFiles = {};
  for (const file of exampleFileOrder(Object.keys(project.files))) files[file] = project.files[file]!;
  return { ...project, files };
}
