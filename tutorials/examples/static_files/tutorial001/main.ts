import { FastAPI, MemoryFileSystem, StaticFiles } from "fastapi-ts";

// The folder to serve. On a server, leave out `fs` and StaticFiles reads `static/` from the disk; a page in the
// browser has no disk, so the example keeps its files in memory.
export const files = new MemoryFileSystem({
  "static/sample.txt": "This is a sample static file.",
  "static/styles.css": "body { font-family: sans-serif; }\n",
});

export const app = new FastAPI();

app.mount("/static", new StaticFiles({ directory: "static", fs: files }), { name: "static" });
