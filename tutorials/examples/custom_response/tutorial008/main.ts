import { FastAPI, MemoryFileSystem, StreamingResponse } from "fastapi-ts";

// On a server this would be a file on disk; the browser has none, so the example keeps its file in memory.
export const files = new MemoryFileSystem({ "large-video-file.mp4": "Fake video bytes" });

const someFilePath = "large-video-file.mp4";

export const app = new FastAPI();

app.get("/", {}, function main() {
  async function* iterfile() {
    const reader = files.read(someFilePath).getReader(); // open the file as a stream
    try {
      for (;;) {
        const { done, value } = await reader.read(); // one chunk at a time
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock(); // the file is released when the stream ends or the client goes away
    }
  }

  return new StreamingResponse(iterfile(), { mediaType: "video/mp4" });
});
