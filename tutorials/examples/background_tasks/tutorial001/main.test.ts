import { afterAll, describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, files } from "./main.ts";

const client = new TestClient(app);

describe("background_tasks/tutorial001", () => {
  // On Node the working directory is the disk: leave no log.txt behind.
  afterAll(async () => {
    await files.removeFile("log.txt");
  });

  it("answers at once and writes the notification afterwards", async () => {
    await files.removeFile("log.txt");
    const response = await client.post("/send-notification/foo@example.com");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Notification sent in the background" });
    // As in FastAPI's TestClient, the tasks have run when the call returns.
    expect(await files.readText("log.txt")).toContain("notification for foo@example.com: some notification");
  });

  it("runs the task only after the handler has answered", async () => {
    await files.removeFile("log.txt");
    const response = await app.fetch(new Request("http://testserver/send-notification/bar@example.com", { method: "POST" }));
    expect(await files.stat("log.txt")).toBeNull();
    expect(await response.json()).toEqual({ message: "Notification sent in the background" });
    // The task runs once the body has been read; on a disk the write takes a moment more.
    for (let wait = 0; wait < 200 && !(await files.stat("log.txt"))?.size; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await files.readText("log.txt")).toBe("notification for bar@example.com: some notification");
  });

  it("documents the path parameter, not the BackgroundTasks", async () => {
    const response = await client.get("/openapi.json");
    const doc = response.json<{ paths: Record<string, { post: Record<string, unknown> }> }>();
    expect(doc.paths["/send-notification/{email}"]!.post).toEqual({
      summary: "Send Notification",
      operationId: "send_notification_send_notification__email__post",
      parameters: [{ name: "email", in: "path", required: true, schema: { type: "string", title: "Email" } }],
      responses: {
        "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
        "422": {
          description: "Validation Error",
          content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
        },
      },
    });
  });
});
