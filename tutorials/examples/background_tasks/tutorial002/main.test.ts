import { afterAll, describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, files } from "./main.ts";

const client = new TestClient(app);

describe("background_tasks/tutorial002", () => {
  // On Node the working directory is the disk: leave no log.txt behind.
  afterAll(async () => {
    await files.removeFile("log.txt");
  });

  it("runs the dependency's task, then the handler's, after the response", async () => {
    await files.removeFile("log.txt");
    const response = await client.post("/send-notification/foo@example.com", { params: { q: "some-query" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Message sent" });
    expect(await files.readText("log.txt")).toContain("found query: some-query\nmessage to foo@example.com");
  });

  it("adds only the handler's task without a query", async () => {
    await files.removeFile("log.txt");
    const response = await client.post("/send-notification/bar@example.com");
    expect(response.json()).toEqual({ message: "Message sent" });
    expect(await files.readText("log.txt")).toBe("message to bar@example.com\n");
  });

  it("documents the dependency's query parameter with the path parameter", async () => {
    const response = await client.get("/openapi.json");
    const doc = response.json<{ paths: Record<string, { post: { parameters: unknown } }> }>();
    expect(doc.paths["/send-notification/{email}"]!.post.parameters).toEqual([
      { name: "email", in: "path", required: true, schema: { type: "string", title: "Email" } },
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
    ]);
  });
});
