// A Vite plugin that makes the reference a module, `virtual:api-reference`, read from the runtime's sources when the
// site is built (or first asks for it in the dev server, which reads it again when a runtime file changes). A public
// export without TSDoc makes `vite build` fail with the generator's message, naming the export and its file.
import type { Plugin } from "vite";
import type { ApiReference } from "../../site/lib/reference/model.ts";
import { readRepositoryReference, runtimeSources } from "./project.ts";

const id = "virtual:api-reference";
const resolvedId = `\0${id}`;

export function apiReference(read: () => Promise<ApiReference> = readRepositoryReference): Plugin {
  let reference: Promise<ApiReference> | undefined;
  return {
    name: "fastapi-ts:api-reference",
    resolveId: (source) => (source === id ? resolvedId : undefined),
    async load(loaded) {
      if (loaded !== resolvedId) return undefined;
      reference ??= read();
      try {
        return `export default ${JSON.stringify(await reference)};`;
      } catch (error) {
        reference = undefined; // the next load tries again (after the missing docs are written)
        throw error;
      }
    },
    configureServer(server) {
      server.watcher.add(runtimeSources);
      server.watcher.on("change", (file) => {
        if (!file.startsWith(runtimeSources)) return;
        reference = undefined;
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(resolvedId);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
      });
    },
  };
}
