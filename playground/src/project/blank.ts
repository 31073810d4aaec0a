// "New project": the smallest app there is, to start from.
import type { ProjectFiles } from "../executor/types.ts";

/** The draft key of the playground's new project (its edits are kept, as an example's are, until "New project"). */
export const NEW_PROJECT = "new";

/** The files a new project starts with. */
export const BLANK_PROJECT: ProjectFiles = {
  "main.ts": `import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/", async function root() {
  return {};
});
`,
};
