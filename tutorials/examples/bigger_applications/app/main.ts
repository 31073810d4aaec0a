import { Depends, FastAPI } from "fastapi-ts";

import { get_query_token, get_token_header } from "./dependencies.ts";
import * as admin from "./internal/admin.ts";
import * as items from "./routers/items.ts";
import * as users from "./routers/users.ts";

export const app = new FastAPI({ dependencies: [Depends(get_query_token)] });

app.includeRouter(users.router);
app.includeRouter(items.router);
app.includeRouter(admin.router, {
  prefix: "/admin",
  tags: ["admin"],
  dependencies: [Depends(get_token_header)],
  responses: { 418: { description: "I'm a teapot" } },
});

app.get("/", async function root() {
  return { message: "Hello Bigger Applications!" };
});
