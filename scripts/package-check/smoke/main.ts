// One app, served unchanged by Node, Bun, Deno and Cloudflare Workers.
import { Depends, FastAPI, FileResponse, Header, HTTPException, Path, Query, WebSocket, dependency } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI({ title: "Smoke" });

// Path and query parameters, coerced and validated.
app.get("/items/{item_id}", {
  params: { item_id: Path(z.int().gte(1)), q: Query(z.string().max(20).optional()), limit: z.int().min(1).max(100).default(10) },
}, async function read_item({ item_id, q, limit }) {
  return { item_id, q: q ?? null, limit };
});

// A JSON body, answered through a response model (which drops `secret`).
const Item = z.object({ name: z.string().min(1), price: z.number().positive(), tax: z.number().nonnegative().default(0) }).meta({ id: "Item" });
const ItemOut = z.object({ name: z.string(), price_with_tax: z.number() }).meta({ id: "ItemOut" });

app.post("/items/", { params: { item: Item }, responseModel: ItemOut, statusCode: 201 }, async function create_item({ item }) {
  return { name: item.name, price_with_tax: item.price + item.tax, secret: "not sent" };
});

// A dependency chain: header → token → user.
const token = dependency({ params: { authorization: Header(z.string()) } }, function token({ authorization }) {
  if (!authorization.startsWith("Bearer ")) throw new HTTPException(401, { detail: "Not authenticated", headers: { "www-authenticate": "Bearer" } });
  return authorization.slice("Bearer ".length);
});
const currentUser = dependency({ params: { token: Depends(token) } }, async function current_user({ token }) {
  if (token !== "secret-token") throw new HTTPException(401, { detail: "Invalid token", headers: { "www-authenticate": "Bearer" } });
  return { username: "alice", full_name: "Alice Liddell" };
});
app.get("/users/me", { params: { user: Depends(currentUser) } }, async function read_me({ user }) {
  return user;
});

// A file from disk, relative to the folder the server runs in (where the host has a file system).
app.get("/hello", async function hello() {
  return new FileResponse("hello.txt");
});

// A websocket (served by fastapi-ts/node).
app.websocket("/ws", { params: { websocket: WebSocket } }, async function echo({ websocket }) {
  await websocket.accept();
  for (;;) await websocket.sendText(`echo: ${await websocket.receiveText()}`);
});
