// Cloudflare Workers (workerd): a module whose default export has the fetch handler.
import { app } from "./main.ts";

export default { fetch: app.fetch };
