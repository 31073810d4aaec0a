import { BackgroundTasks, Depends, dependency, FastAPI, workingDirectory } from "fastapi-ts";
import { z } from "zod";

// The working directory: the disk where the app runs on a server, an in-memory one in a browser tab.
export const files = workingDirectory();

export const app = new FastAPI();

async function write_log(message: string) {
  await files.appendFile("log.txt", message);
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
