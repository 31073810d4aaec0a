// Fastify 5 with zod through fastify-type-provider-zod (validator and serializer compilers).
import fastifyCookie from "@fastify/cookie";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { createItem, createOrder, EXTRA_ROUTES, ItemIn, ItemOut, OrderIn, OrderOut, ready, searchResult, USERS, type User } from "./shared.ts";

declare module "fastify" {
  interface FastifyRequest { token: string | null; user: User | null }
}

const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
await app.register(fastifyCookie);

// (a) small JSON
app.get("/", { schema: { response: { 200: z.object({ hello: z.string() }) } } }, async () => ({ hello: "world" }));

// (b) int path parameter + validated query parameters
const readItemSchema = {
  params: z.object({ item_id: z.coerce.number().int() }),
  querystring: z.object({ q: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(100).default(10) }),
  response: { 200: z.object({ item_id: z.int(), q: z.string().optional(), limit: z.int() }) },
};
const registerItems = (prefix: string, kind: "get" | "post") => {
  if (kind === "get") {
    app.get(`${prefix}/items/:item_id`, { schema: readItemSchema }, async (req) => {
      const { item_id } = req.params;
      const { q, limit } = req.query;
      return { item_id, q, limit };
    });
  } else {
    // (c) JSON body model, answered through a response model
    app.post(`${prefix}/items/`, { schema: { body: ItemIn, response: { 201: ItemOut } } }, async (req, reply) => {
      reply.code(201);
      return createItem(req.body) as z.output<typeof ItemOut>;
    });
  }
};
registerItems("", "get");
registerItems("", "post");

// (e) a ten-field body with a nested list of objects, answered through a response model
app.post("/orders/", { schema: { body: OrderIn, response: { 201: OrderOut } } }, async (req, reply) => {
  reply.code(201);
  return createOrder(req.body) as z.output<typeof OrderOut>;
});

// (f) three query parameters, a header and a cookie (read by @fastify/cookie, validated by hand)
const SessionCookie = z.string().min(1).max(64);
app.get("/search", {
  schema: {
    querystring: z.object({ q: z.string().min(1).max(50), page: z.coerce.number().int().min(1).default(1), size: z.coerce.number().int().min(1).max(100).default(10) }),
    headers: z.object({ "x-request-id": z.string().min(1).max(64) }),
    response: { 200: z.object({ q: z.string(), page: z.int(), size: z.int(), request_id: z.string(), session: z.string() }) },
  },
}, async (req, reply) => {
  const session = SessionCookie.safeParse(req.cookies.session_id);
  if (!session.success) return reply.code(400).send({ message: "session_id cookie required" });
  const { q, page, size } = req.query;
  return searchResult(q, page, size, req.headers["x-request-id"], session.data) as never;
});

// (d) three-level chain as preHandler hooks: token → user → active user
app.decorateRequest("token", null);
app.decorateRequest("user", null);
async function getToken(req: FastifyRequest, reply: FastifyReply) {
  const auth = req.headers.authorization;
  if (!auth?.startsWith("Bearer ")) return reply.code(401).send({ detail: "Not authenticated" });
  req.token = auth.slice(7);
}
async function getUser(req: FastifyRequest, reply: FastifyReply) {
  const user = USERS.get(req.token!);
  if (!user) return reply.code(401).send({ detail: "Invalid token" });
  req.user = user;
}
async function getActiveUser(req: FastifyRequest, reply: FastifyReply) {
  if (!req.user!.active) return reply.code(400).send({ detail: "Inactive user" });
}
app.get("/users/me", {
  preHandler: [getToken, getUser, getActiveUser],
  schema: {
    headers: z.object({ authorization: z.string() }),
    response: { 200: z.object({ username: z.string(), full_name: z.string(), email: z.string(), active: z.boolean() }) },
  },
}, async (req) => req.user!);

for (let i = 0; i < EXTRA_ROUTES; i++) registerItems(`/r${i}`, i % 2 === 0 ? "get" : "post");
const registered = performance.now();

await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
ready((app.server.address() as { port: number }).port, registered);
