import { FastAPI, workingDirectory } from "fastapi-ts";

// The working directory: the disk where the app runs on a server, an in-memory one in a browser tab.
export const files = workingDirectory();

export const app = new FastAPI();

app.onEvent("shutdown", async function shutdown_event() {
  await files.appendFile("log.txt", "Application shutdown");
});

app.get("/items/", async function read_items() {
  return [{ name: "Foo" }];
});
