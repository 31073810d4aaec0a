// Hono 4 on @hono/node-server, validation with @hono/zod-validator, the chain as middleware.
import { serve } from "@hono/node-server";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { createItem, createOrder, EXTRA_ROUTES, ItemIn, ItemOut, OrderIn, OrderOut, ready, searchResult, USERS, type User } from "./shared.ts";

const app = new Hono();

// (a) small JSON
app.get("/", (c) => c.json({ hello: "world" }));

// (b) int path parameter + validated query parameters
const ItemParams = z.object({ item_id: z.coerce.number().int() });
const ItemQuery = z.object({ q: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(100).default(10) });
const registerItems = (prefix: string, kind: "get" | "post") => {
  if (kind === "get") {
    app.get(`${prefix}/items/:item_id`, zValidator("param", ItemParams), zValidator("query", ItemQuery), (c) => {
      const { item_id } = c.req.valid("param");
      const { q, limit } = c.req.valid("query");
      return c.json({ item_id, q, limit });
    });
  } else {
    // (c) JSON body model; Hono has no response models, so the output is parsed by hand
    app.post(`${prefix}/items/`, zValidator("json", ItemIn), (c) => c.json(ItemOut.parse(createItem(c.req.valid("json"))), 201));
  }
};
registerItems("", "get");
registerItems("", "post");

// (e) a ten-field body with a nested list of objects; the output parsed by hand
app.post("/orders/", zValidator("json", OrderIn), (c) => c.json(OrderOut.parse(createOrder(c.req.valid("json"))), 201));

// (f) three query parameters, a header and a cookie, each validated by zValidator
const SearchQuery = z.object({ q: z.string().min(1).max(50), page: z.coerce.number().int().min(1).default(1), size: z.coerce.number().int().min(1).max(100).default(10) });
app.get("/search",
  zValidator("query", SearchQuery),
  zValidator("header", z.object({ "x-request-id": z.string().min(1).max(64) })),
  zValidator("cookie", z.object({ session_id: z.string().min(1).max(64) })),
  (c) => {
    const { q, page, size } = c.req.valid("query");
    return c.json(searchResult(q, page, size, c.req.valid("header")["x-request-id"], c.req.valid("cookie").session_id));
  });

// (d) three-level chain as middleware: token → user → active user
type Env = { Variables: { token: string; user: User } };
const getToken = createMiddleware<Env>(async (c, next) => {
  const auth = c.req.header("authorization");
  if (!auth?.startsWith("Bearer ")) throw new HTTPException(401, { message: "Not authenticated" });
  c.set("token", auth.slice(7));
  await next();
});
const getUser = createMiddleware<Env>(async (c, next) => {
  const user = USERS.get(c.get("token"));
  if (!user) throw new HTTPException(401, { message: "Invalid token" });
  c.set("user", user);
  await next();
});
const getActiveUser = createMiddleware<Env>(async (c, next) => {
  if (!c.get("user").active) throw new HTTPException(400, { message: "Inactive user" });
  await next();
});
app.get("/users/me", getToken, getUser, getActiveUser, (c) => c.json(c.get("user")));

for (let i = 0; i < EXTRA_ROUTES; i++) registerItems(`/r${i}`, i % 2 === 0 ? "get" : "post");
const registered = performance.now();

serve({ fetch: app.fetch, hostname: "127.0.0.1", port: Number(process.env.PORT ?? 0) }, (info) => ready(info.port, registered));
