import { FastAPI, FileResponse, MemoryFileSystem } from "fastapi-ts";

// On a server FileResponse reads from the disk; the browser has none, so the example keeps its file in memory.
export const files = new MemoryFileSystem({ "large-video-file.mp4": "Fake video bytes" });

const someFilePath = "large-video-file.mp4";

export const app = new FastAPI();

app.get("/", {}, async function main() {
  return new FileResponse(someFilePath, { fs: files });
});
