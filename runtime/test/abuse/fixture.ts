/**
 * The app the abuse suite attacks, served by the real CLI in a child process (`fastapi-ts run fixture.ts`): each
 * route is a fault a user's code can have, or a door a client can push on.
 */
import { fileURLToPath } from "node:url";
import {
  BackgroundTasks, Depends, FastAPI, Form, Request, Response, StaticFiles, StreamingResponse, TrustedHostMiddleware, UploadFile, WebSocket,
} from "fastapi-ts";
import { z } from "zod";

const here = fileURLToPath(new URL(".", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const app = new FastAPI({ maxBodySize: Number(process.env.ABUSE_MAX_BODY ?? 16 * 1024 * 1024) });

app.get("/health", async function health() {
  return { ok: true };
});

app.get("/_memory", async function memory() {
  return { rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 };
});

// 1. A stream whose generator throws after its first chunk.
app.get("/stream-fails", async function stream_fails() {
  return new StreamingResponse((async function* () {
    yield "first chunk\n";
    await sleep(20);
    throw new Error("the generator failed mid-stream");
  })(), { mediaType: "text/plain" });
});

app.get("/slow", async function slow() {
  await sleep(400);
  return { slow: true };
});

app.get("/endless", async function endless() {
  return new StreamingResponse((async function* () {
    for (;;) {
      yield "tick\n";
      await sleep(50);
    }
  })(), { mediaType: "text/plain" });
});

// A response Node refuses to write (its status line cannot be sent): written in the same turn as the answer.
app.get("/bad-status", async function bad_status() {
  return new Response("never sent", { status: 1000 });
});

// 2. Faults nobody awaits.
app.get("/floating", async function floating() {
  void Promise.reject(new Error("a promise nobody awaited"));
  return { ok: true };
});

app.post("/background-timer", { params: { tasks: BackgroundTasks } }, async function background_timer({ tasks }) {
  tasks.addTask(() => {
    setTimeout(() => {
      throw new Error("a timer of a background task threw");
    }, 10);
  });
  return { ok: true };
});

if (process.env.ABUSE_THROW_OUTSIDE) {
  setTimeout(() => {
    throw new Error("a timer outside any request threw");
  }, Number(process.env.ABUSE_THROW_OUTSIDE));
}

// 3. Named routes whose absolute URL comes from the Host.
app.get("/reset-link", { params: { request: Request } }, async function reset_link({ request }) {
  return { link: request.urlFor("health") };
});

// 4 and 5. Forms and uploads.
app.post("/form", { params: { request: Request } }, async function form({ request }) {
  const form = await request.form();
  return { fields: [...form.keys()].length };
});

app.post("/login", { params: { username: Form(z.string()), password: Form(z.string()) } }, async function login({ username }) {
  return { username };
});

app.post("/upload", { params: { file: UploadFile } }, async function upload({ file }) {
  return { filename: file.filename, size: file.size };
});

app.post("/upload-head", { params: { file: UploadFile } }, async function upload_head({ file }) {
  const head = new Uint8Array(await file.file.slice(0, 8).arrayBuffer());
  return { size: file.size, head: [...head] };
});

// 8. Models: deep nesting, prototype keys.
type Node = { name: string; child?: Node };
const NodeModel: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), child: NodeModel.optional() })).meta({ id: "Node" });
app.post("/deep", { params: { node: NodeModel } }, async function deep() {
  return { ok: true };
});

const Item = z.object({ name: z.string(), tags: z.array(z.string()).default([]) }).meta({ id: "Item" });
app.post("/items", { params: { item: Item } }, async function create_item({ item }) {
  return { item, polluted: ({} as Record<string, unknown>).polluted ?? null };
});

// A yield dependency: every request opens a resource, every teardown closes it.
let opened = 0;
let closed = 0;
async function* getDb() {
  opened++;
  try {
    yield { id: opened };
  } finally {
    closed++;
  }
}
app.get("/db", { params: { db: Depends(getDb) } }, async function use_db({ db }) {
  return { id: db.id };
});
app.get("/db-stats", async function db_stats() {
  return { opened, closed };
});

// 7. Websockets: echo, and one that never reads.
app.websocket("/ws", { params: { ws: WebSocket } }, async function echo({ ws }) {
  await ws.accept();
  for (;;) {
    const msg = await ws.receiveText().catch(() => null);
    if (msg === null) return;
    await ws.sendText(msg.length > 64 ? `received ${msg.length} characters` : msg);
  }
});
app.websocket("/ws-sink", { params: { ws: WebSocket } }, async function sink({ ws }) {
  await ws.accept();
  await sleep(60_000);
});

app.mount("/static", new StaticFiles({ directory: `${here}public` }), { name: "static" });

/** The same app behind `TrustedHostMiddleware`. */
export const trusted = new FastAPI();
trusted.addMiddleware(TrustedHostMiddleware, { allowedHosts: ["example.com", "*.example.com"] });
trusted.get("/health", async function health() {
  return { ok: true };
});
trusted.get("/reset-link", { params: { request: Request } }, async function reset_link({ request }) {
  return { link: request.urlFor("health") };
});
trusted.mount("/static", new StaticFiles({ directory: `${here}public` }), { name: "static" });

// The small-body path (a body up to 64 KiB read before the app is called): what a handler received, byte for byte,
// and what request.body() / json() / stream() give when called again or in another order.
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const Probe = z.object({ name: z.string(), pad: z.string().optional() }).meta({ id: "Probe" });
async function readsOf(request: Request, mode: string): Promise<Record<string, unknown>> {
  const chunks = async () => {
    const parts: string[] = [];
    for await (const c of request.stream()) parts.push(hex(c));
    return parts.join("");
  };
  const attempt = async (read: () => Promise<unknown>) => read().then((value) => ({ value }), (e: Error) => ({ error: e.name, message: e.message }));
  switch (mode) {
    case "body-twice": return { first: hex(await request.body()), second: hex(await request.body()) };
    case "stream-after-body": return { body: hex(await request.body()), stream: await chunks() };
    case "body-after-stream": return { stream: await chunks(), body: await attempt(async () => hex(await request.body())) };
    case "stream-twice": return { first: await chunks(), second: await attempt(chunks) };
    case "json-twice": return { first: await attempt(() => request.json()), second: await attempt(() => request.json()) };
    case "text-then-json": return { text: await request.text(), json: await attempt(() => request.json()) };
    case "form-then-body": return { form: [...(await request.form()).keys()], body: await attempt(async () => hex(await request.body())) };
    default: return { unknown: mode };
  }
}
function bodyRoutes(target: FastAPI): void {
  target.apiRoute("/echo", { methods: ["GET", "POST", "PUT", "HEAD", "DELETE"], params: { request: Request } }, async function echo({ request }) {
    const bytes = await request.body();
    return { method: request.method, length: bytes.byteLength, head: hex(bytes.subarray(0, 32)), tail: hex(bytes.subarray(Math.max(0, bytes.byteLength - 32))) };
  });
  target.post("/probe", { params: { probe: Probe } }, async function probe({ probe }) {
    return { name: probe.name, pad: probe.pad?.length ?? 0 };
  });
  target.post("/probe-and-body", { params: { probe: Probe, request: Request } }, async function probe_and_body({ probe, request }) {
    return { name: probe.name, body: (await request.body()).byteLength, stream: await (async () => {
      let n = 0;
      for await (const c of request.stream()) n += c.byteLength;
      return n;
    })(), json: await request.json() };
  });
  target.post("/no-body", async function no_body() {
    return { ok: true };
  });
  target.post("/reads/{mode}", { params: { mode: z.string(), request: Request } }, async function reads({ mode, request }) {
    return readsOf(request, mode);
  });
}
bodyRoutes(app);

/** The same body routes behind a function middleware that reads (or streams) the body before the route does. */
export const middled = new FastAPI();
middled.get("/health", async function health() {
  return { ok: true };
});
middled.middleware("http", async (request, callNext) => {
  const how = request.header("x-middleware-reads");
  let seen = "";
  if (how === "body") seen = hex(await request.body());
  else if (how === "json") seen = JSON.stringify(await request.json().catch((e: Error) => e.name));
  const response = await callNext(request);
  response.headers.set("x-middleware-saw", seen);
  return response;
});
bodyRoutes(middled);
