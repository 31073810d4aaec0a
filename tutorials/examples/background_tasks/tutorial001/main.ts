import { BackgroundTasks, FastAPI, workingDirectory } from "fastapi-ts";
import { z } from "zod";

// The working directory: the disk where the app runs on a server, an in-memory one in a browser tab.
export const files = workingDirectory();

export const app = new FastAPI();

async function write_notification(email: string, message = "") {
  const content = `notification for ${email}: ${message}`;
  await files.writeFile("log.txt", content);
}

app.post("/send-notification/{email}", {
  params: { email: z.string(), background_tasks: BackgroundTasks },
}, async function send_notification({ email, background_tasks }) {
  background_tasks.addTask(write_notification, email, "some notification");
  return { message: "Notification sent in the background" };
});
