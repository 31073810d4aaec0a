// Express 5 (etag and x-powered-by off, as fastify/benchmarks), zod called by hand, the chain as middleware.
import cookieParser from "cookie-parser";
import express, { type NextFunction, type Request, type Response } from "express";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { createItem, createOrder, EXTRA_ROUTES, ItemIn, ItemOut, OrderIn, OrderOut, ready, searchResult, USERS, type User } from "./shared.ts";

const app = express();
app.disable("etag");
app.disable("x-powered-by");

// (a) small JSON
app.get("/", (_req, res) => {
  res.json({ hello: "world" });
});

// (b) int path parameter + validated query parameters
const ItemParams = z.object({ item_id: z.coerce.number().int() });
const ItemQuery = z.object({ q: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(100).default(10) });
const json = express.json();
const registerItems = (prefix: string, kind: "get" | "post") => {
  if (kind === "get") {
    app.get(`${prefix}/items/:item_id`, (req, res) => {
      const params = ItemParams.safeParse(req.params);
      const query = ItemQuery.safeParse(req.query);
      if (!params.success || !query.success) {
        res.status(400).json({ detail: [...(params.error?.issues ?? []), ...(query.error?.issues ?? [])] });
        return;
      }
      const { q, limit } = query.data;
      res.json({ item_id: params.data.item_id, q, limit });
    });
  } else {
    // (c) JSON body model, answered through a response model (parsed by hand)
    app.post(`${prefix}/items/`, json, (req, res) => {
      const body = ItemIn.safeParse(req.body);
      if (!body.success) {
        res.status(400).json({ detail: body.error.issues });
        return;
      }
      res.status(201).json(ItemOut.parse(createItem(body.data)));
    });
  }
};
registerItems("", "get");
registerItems("", "post");

// (e) a ten-field body with a nested list of objects (parsed by hand)
app.post("/orders/", json, (req, res) => {
  const body = OrderIn.safeParse(req.body);
  if (!body.success) {
    res.status(400).json({ detail: body.error.issues });
    return;
  }
  res.status(201).json(OrderOut.parse(createOrder(body.data)));
});

// (f) three query parameters, a header and a cookie (cookie-parser), validated by hand
const SearchQuery = z.object({ q: z.string().min(1).max(50), page: z.coerce.number().int().min(1).default(1), size: z.coerce.number().int().min(1).max(100).default(10) });
const SearchMeta = z.object({ requestId: z.string().min(1).max(64), session: z.string().min(1).max(64) });
app.get("/search", cookieParser(), (req, res) => {
  const query = SearchQuery.safeParse(req.query);
  const meta = SearchMeta.safeParse({ requestId: req.get("x-request-id"), session: req.cookies.session_id });
  if (!query.success || !meta.success) {
    res.status(400).json({ detail: [...(query.error?.issues ?? []), ...(meta.error?.issues ?? [])] });
    return;
  }
  const { q, page, size } = query.data;
  res.json(searchResult(q, page, size, meta.data.requestId, meta.data.session));
});

// (d) three-level chain as middleware: token → user → active user
interface AuthLocals { token: string; user: User }
function getToken(req: Request, res: Response<unknown, AuthLocals>, next: NextFunction) {
  const auth = req.headers.authorization;
  if (!auth?.startsWith("Bearer ")) return void res.status(401).json({ detail: "Not authenticated" });
  res.locals.token = auth.slice(7);
  next();
}
function getUser(_req: Request, res: Response<unknown, AuthLocals>, next: NextFunction) {
  const user = USERS.get(res.locals.token);
  if (!user) return void res.status(401).json({ detail: "Invalid token" });
  res.locals.user = user;
  next();
}
function getActiveUser(_req: Request, res: Response<unknown, AuthLocals>, next: NextFunction) {
  if (!res.locals.user.active) return void res.status(400).json({ detail: "Inactive user" });
  next();
}
app.get("/users/me", getToken, getUser, getActiveUser, (_req, res: Response<unknown, AuthLocals>) => {
  res.json(res.locals.user);
});

for (let i = 0; i < EXTRA_ROUTES; i++) registerItems(`/r${i}`, i % 2 === 0 ? "get" : "post");
const registered = performance.now();

const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => ready((server.address() as AddressInfo).port, registered));
