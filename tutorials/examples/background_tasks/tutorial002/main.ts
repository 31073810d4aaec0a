import { BackgroundTasks, Depends, dependency, FastAPI, MemoryFileSystem } from "fastapi-ts";
import { z } from "zod";

// A page in the browser has no disk: this in-memory file system stands in for the working directory.
export const files = new MemoryFileSystem();

export const app = new FastAPI();

async function write_log(message: string) {
  const log = (await files.stat("log.txt")) ? await files.readText("log.txt") : "";
  files.write("log.txt", log + message);
}

const get_query = dependency({
  params: { background_tasks: BackgroundTasks, q: z.string().nullable().default(null) },
}, function get_query({ background_tasks, q }) {
  if (q) {
    const message = `found query: ${q}\n`;
    background_tasks.addTask(write_log, message);
  }
  return q;
});

app.post("/send-notification/{email}", {
  params: { email: z.string(), background_tasks: BackgroundTasks, q: Depends(get_query) },
}, async function send_notification({ email, background_tasks }) {
  const message = `message to ${email}\n`;
  background_tasks.addTask(write_log, message);
  return { message: "Message sent" };
});
