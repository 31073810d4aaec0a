import { FastAPI, MemoryFileSystem } from "fastapi-ts";

// A page in the browser has no disk: this in-memory file system stands in for the working directory.
export const files = new MemoryFileSystem();

export const app = new FastAPI();

app.onEvent("shutdown", async function shutdown_event() {
  // Append, like opening log.txt with mode "a".
  const log = (await files.stat("log.txt")) ? await files.readText("log.txt") : "";
  files.write("log.txt", log + "Application shutdown");
});

app.get("/items/", async function read_items() {
  return [{ name: "Foo" }];
});
