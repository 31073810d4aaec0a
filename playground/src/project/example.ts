import type { ProjectFiles } from "../executor/types.ts";

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
  return (await response.json()) as ExampleProject;
}
