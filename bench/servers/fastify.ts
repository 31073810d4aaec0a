// Fastify 5, idiomatic: JSON Schema for validation (Ajv) and for serialisation (fast-json-stringify).
import fastifyCookie from "@fastify/cookie";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { createItem, createOrder, EXTRA_ROUTES, ready, searchResult, USERS, type User } from "./shared.ts";

declare module "fastify" {
  interface FastifyRequest { token: string | null; user: User | null }
}

const app = Fastify({ logger: false });
await app.register(fastifyCookie);

// (a) small JSON
app.get("/", {
  schema: { response: { 200: { type: "object", properties: { hello: { type: "string" } } } } },
}, async () => ({ hello: "world" }));

// (b) int path parameter + validated query parameters
const readItemSchema = {
  params: { type: "object", properties: { item_id: { type: "integer" } }, required: ["item_id"] },
  querystring: {
    type: "object",
    properties: { q: { type: "string", maxLength: 50 }, limit: { type: "integer", minimum: 1, maximum: 100, default: 10 } },
  },
  response: {
    200: { type: "object", properties: { item_id: { type: "integer" }, q: { type: "string" }, limit: { type: "integer" } } },
  },
} as const;
const readItem = async (req: FastifyRequest) => {
  const { item_id } = req.params as { item_id: number };
  const { q, limit } = req.query as { q?: string; limit: number };
  return { item_id, q, limit };
};
app.get("/items/:item_id", { schema: readItemSchema }, readItem);

// (c) JSON body model, answered through a response schema (which filters the output)
const dimensions = {
  type: "object",
  properties: { width: { type: "number", exclusiveMinimum: 0 }, height: { type: "number", exclusiveMinimum: 0 }, unit: { type: "string", enum: ["cm", "in"] } },
  required: ["width", "height", "unit"],
} as const;
const createItemSchema = {
  body: {
    type: "object",
    properties: {
      name: { type: "string", minLength: 1, maxLength: 100 },
      description: { type: ["string", "null"], maxLength: 500 },
      price: { type: "number", exclusiveMinimum: 0 },
      tax: { type: "number", minimum: 0 },
      tags: { type: "array", items: { type: "string", maxLength: 30 }, maxItems: 10 },
      dimensions,
    },
    required: ["name", "price", "tags", "dimensions"],
  },
  response: {
    201: {
      type: "object",
      properties: {
        id: { type: "integer" }, name: { type: "string" }, price: { type: "number" }, price_with_tax: { type: "number" },
        tags: { type: "array", items: { type: "string" } }, dimensions,
      },
      required: ["id", "name", "price", "price_with_tax", "tags", "dimensions"],
    },
  },
} as const;
const postItem = async (req: FastifyRequest, reply: FastifyReply) => {
  reply.code(201);
  return createItem(req.body as Parameters<typeof createItem>[0]);
};
app.post("/items/", { schema: createItemSchema }, postItem);

// (e) a ten-field body with a nested list of objects, answered through a response schema
const shipping = {
  type: "object",
  properties: { street: { type: "string", maxLength: 200 }, city: { type: "string", maxLength: 100 }, postcode: { type: "string", maxLength: 10 }, country: { type: "string", minLength: 2, maxLength: 2 } },
  required: ["street", "city", "postcode", "country"],
} as const;
const currency = { type: "string", enum: ["EUR", "USD", "GBP"] } as const;
const createOrderSchema = {
  body: {
    type: "object",
    properties: {
      customer: { type: "string", minLength: 1, maxLength: 100 },
      email: { type: "string", minLength: 3, maxLength: 254 },
      currency,
      shipping,
      lines: {
        type: "array", minItems: 1, maxItems: 50,
        items: {
          type: "object",
          properties: {
            sku: { type: "string", minLength: 1, maxLength: 20 }, quantity: { type: "integer", minimum: 1, maximum: 1000 },
            unit_price: { type: "number", exclusiveMinimum: 0 }, discount: { type: "number", minimum: 0, maximum: 1 },
          },
          required: ["sku", "quantity", "unit_price"],
        },
      },
      notes: { type: ["string", "null"], maxLength: 500 },
      gift: { type: "boolean", default: false },
      coupon: { type: "string", maxLength: 20 },
      priority: { type: "integer", minimum: 0, maximum: 5, default: 0 },
      tags: { type: "array", items: { type: "string", maxLength: 30 }, maxItems: 10 },
    },
    required: ["customer", "email", "currency", "shipping", "lines", "tags"],
  },
  response: {
    201: {
      type: "object",
      properties: {
        id: { type: "integer" }, customer: { type: "string" }, currency, shipping,
        lines: {
          type: "array",
          items: {
            type: "object",
            properties: { sku: { type: "string" }, quantity: { type: "integer" }, unit_price: { type: "number" }, total: { type: "number" } },
            required: ["sku", "quantity", "unit_price", "total"],
          },
        },
        total: { type: "number" }, gift: { type: "boolean" }, priority: { type: "integer" },
      },
      required: ["id", "customer", "currency", "shipping", "lines", "total", "gift", "priority"],
    },
  },
} as const;
app.post("/orders/", { schema: createOrderSchema }, async (req, reply) => {
  reply.code(201);
  return createOrder(req.body as Parameters<typeof createOrder>[0]);
});

// (f) three query parameters, a header and a cookie (read by @fastify/cookie; Fastify has no cookie schema)
app.get("/search", {
  schema: {
    querystring: {
      type: "object",
      properties: { q: { type: "string", minLength: 1, maxLength: 50 }, page: { type: "integer", minimum: 1, default: 1 }, size: { type: "integer", minimum: 1, maximum: 100, default: 10 } },
      required: ["q"],
    },
    headers: { type: "object", properties: { "x-request-id": { type: "string", minLength: 1, maxLength: 64 } }, required: ["x-request-id"] },
    response: {
      200: {
        type: "object",
        properties: { q: { type: "string" }, page: { type: "integer" }, size: { type: "integer" }, request_id: { type: "string" }, session: { type: "string" } },
      },
    },
  },
}, async (req, reply) => {
  const { q, page, size } = req.query as { q: string; page: number; size: number };
  const session = req.cookies.session_id;
  if (!session || session.length > 64) return reply.code(400).send({ message: "session_id cookie required" });
  return searchResult(q, page, size, req.headers["x-request-id"] as string, session);
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
    headers: { type: "object", properties: { authorization: { type: "string" } }, required: ["authorization"] },
    response: {
      200: {
        type: "object",
        properties: { username: { type: "string" }, full_name: { type: "string" }, email: { type: "string" }, active: { type: "boolean" } },
      },
    },
  },
}, async (req) => req.user);

for (let i = 0; i < EXTRA_ROUTES; i++) {
  if (i % 2 === 0) app.get(`/r${i}/items/:item_id`, { schema: readItemSchema }, readItem);
  else app.post(`/r${i}/items/`, { schema: createItemSchema }, postItem);
}
const registered = performance.now();

await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
ready((app.server.address() as { port: number }).port, registered);
