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
