// fastapi-ts: the same API as every other server, written as the tutorial teaches it.
import { z } from "zod";
import { Cookie, Depends, FastAPI, Header, HTTPException, Query, dependency } from "fastapi-ts";
import { serve } from "fastapi-ts/node";
import { createItem, createOrder, EXTRA_ROUTES, ItemIn, ItemOut, OrderIn, OrderOut, ready, searchResult, USERS } from "./shared.ts";

export const app = new FastAPI({ title: "bench" });

// (a) small JSON
app.get("/", async function root() {
  return { hello: "world" };
});

// (b) int path parameter + validated query parameters
app.get("/items/{item_id}", {
  params: { item_id: z.int(), q: z.string().max(50).optional(), limit: z.int().min(1).max(100).default(10) },
}, async function read_item({ item_id, q, limit }) {
  return { item_id, q, limit };
});

// (c) JSON body model, answered through a response model
app.post("/items/", { params: { item: ItemIn }, responseModel: ItemOut, statusCode: 201 }, async function create_item({ item }) {
  return createItem(item);
});

// (d) three-level dependency chain: token ← user ← active user
const getToken = dependency({ params: { authorization: Header(z.string()) } }, function get_token({ authorization }) {
  if (!authorization.startsWith("Bearer ")) throw new HTTPException(401, { detail: "Not authenticated" });
  return authorization.slice(7);
});
const getUser = dependency({ params: { token: Depends(getToken) } }, async function get_user({ token }) {
  const user = USERS.get(token);
  if (!user) throw new HTTPException(401, { detail: "Invalid token" });
  return user;
});
const getActiveUser = dependency({ params: { user: Depends(getUser) } }, async function get_active_user({ user }) {
  if (!user.active) throw new HTTPException(400, { detail: "Inactive user" });
  return user;
});
app.get("/users/me", { params: { user: Depends(getActiveUser) } }, async function read_users_me({ user }) {
  return user;
});

// (e) a ten-field body with a nested list of objects, answered through a response model
app.post("/orders/", { params: { order: OrderIn }, responseModel: OrderOut, statusCode: 201 }, async function create_order({ order }) {
  return createOrder(order);
});

// (f) three query parameters, a header and a cookie
app.get("/search", {
  params: {
    q: Query(z.string().min(1).max(50)),
    page: z.int().min(1).default(1),
    size: z.int().min(1).max(100).default(10),
    x_request_id: Header(z.string().min(1).max(64)),
    session_id: Cookie(z.string().min(1).max(64)),
  },
}, async function search({ q, page, size, x_request_id, session_id }) {
  return searchResult(q, page, size, x_request_id, session_id);
});

// Start-up measurement: many more routes of the (b) and (c) kinds. Their parameter schemas are built once and
// shared, as Hono's server shares its `ItemParams`/`ItemQuery` (and every server its body models): building three
// zod schemas per route would measure zod's constructors, not the framework.
const itemParams = { item_id: z.int(), q: z.string().max(50).optional(), limit: z.int().min(1).max(100).default(10) };
for (let i = 0; i < EXTRA_ROUTES; i++) {
  if (i % 2 === 0) {
    app.get(`/r${i}/items/{item_id}`, {
      params: itemParams,
    }, async function read_item({ item_id, q, limit }) {
      return { item_id, q, limit };
    });
  } else {
    app.post(`/r${i}/items/`, { params: { item: ItemIn }, responseModel: ItemOut, statusCode: 201 }, async function create_item({ item }) {
      return createItem(item);
    });
  }
}
const registered = performance.now();

// Served when run (by the runner); bench/dispatch.ts imports the app to call it in process.
if (import.meta.main) {
  const server = await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
  ready(server.port, registered, { openapi: () => app.openapi() });
}
