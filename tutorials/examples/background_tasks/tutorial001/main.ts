import { BackgroundTasks, FastAPI, MemoryFileSystem } from "fastapi-ts";
import { z } from "zod";

// A page in the browser has no disk: this in-memory file system stands in for the working directory.
export const files = new MemoryFileSystem();

export const app = new FastAPI();

function write_notification(email: string, message = "") {
  const content = `notification for ${email}: ${message}`;
  files.write("log.txt", content);
}

app.post("/send-notification/{email}", {
  params: { email: z.string(), background_tasks: BackgroundTasks },
}, async function send_notification({ email, background_tasks }) {
  background_tasks.addTask(write_notification, email, "some notification");
  return { message: "Notification sent in the background" };
});
