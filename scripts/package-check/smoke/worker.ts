import { app } from "./main.ts";

export default { fetch: app.fetch };
