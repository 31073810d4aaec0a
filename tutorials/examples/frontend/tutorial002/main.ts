import { FastAPI, MemoryFileSystem } from "fastapi-ts";

// The build output of a frontend tool (`npm run build` writes it to dist/). On a server, leave out `fs` and the
// files are read from the disk; a page in the browser has no disk, so the example keeps them in memory.
export const files = new MemoryFileSystem({
  "dist/index.html": "<!doctype html><title>My App</title><div id=\"app\"></div><script src=\"/assets/app.js\"></script>",
  "dist/assets/app.js": "document.getElementById(\"app\").textContent = `You are on ${location.pathname}`;",
});

export const app = new FastAPI();

app.frontend("/", { directory: "dist", fallback: "index.html", fs: files });
