import { FastAPI, FileResponse, MemoryFileSystem, setDefaultFileSystem } from "fastapi-ts";

// On a server FileResponse reads from the disk; the browser has none, so the example keeps its file in memory
// and makes that the file system every FileResponse reads from.
export const files = new MemoryFileSystem({ "large-video-file.mp4": "Fake video bytes" });
setDefaultFileSystem(files);

const someFilePath = "large-video-file.mp4";

export const app = new FastAPI();

app.get("/", { responseClass: FileResponse }, async function main() {
  return someFilePath;
});
