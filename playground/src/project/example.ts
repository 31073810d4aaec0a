import type { ProjectFiles } from "../executor/types.ts";
import { exampleFileOrder } from "./files.ts";

/**
 * What an example's app documents, found while the site was built by running its bundle in Node
 * (site/lib/server/example-docs.ts): shown the moment Run is pressed, before the app worker is up.
 */
export interface ExampleDocs {
  openapi: Record<string, unknown> | null;
  openapiUrl: string | null;
  /** The paths of the app's websocket endpoints. */
  websockets: string[];
}

/** An example as the site serves it (examples/<topic>/<name>/project.json). */
export interface ExampleProject {
  name: string;
  files: ProjectFiles;
  /** The app's bundle, built with the site: the first run needs no in-browser bundler. */
  prebuilt?: string;
  /** The app's documents, produced with the site; absent when the app did not start in Node. */
  docs?: ExampleDocs;
}

const requests = new Map<string, Promise<ExampleProject>>();

/** Fetches an example's files, prebuilt bundle and documents from the site (once per page). */
export function fetchExample(siteUrl: string, name: string): Promise<ExampleProject> {
  if (!/^[a-z0-9_]+\/[a-z0-9_]+$/.test(name)) return Promise.reject(new Error(`"${name}" is not an example name`));
  const url = new URL(`examples/${name}/project.json`, siteUrl).href;
  let request = requests.get(url);
  if (!request) {
    request = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`The example ${name} could not be loaded (${response.status})`);
      const project = (await response.json()) as ExampleProject;
      // Editors show the files in this order: main.ts first, its test last.
      const files: ProjectFiles = {};
      for (const file of exampleFileOrder(Object.keys(project.files))) files[file] = project.files[file]!;
      return { ...project, files };
    });
    // A failed fetch is tried again next time.
    request.catch(() => requests.delete(url));
    requests.set(url, request);
  }
  return request;
}
