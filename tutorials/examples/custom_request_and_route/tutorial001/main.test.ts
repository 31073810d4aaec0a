import { describe, it, expect } from "vitest";
import { Request, TestClient } from "fastapi-ts";
import { app, GzipRequest } from "./main.ts";

// Added for the test, as FastAPI's test does: the operations of this app receive a GzipRequest.
app.get("/check-class", { params: { request: Request } }, function check_gzip_request({ request }) {
  return { gzip_request: request instanceof GzipRequest };
});

const client = new TestClient(app);

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const numbers = JSON.stringify(Array.from({ length: 1000 }, () => 1));

describe("custom_request_and_route/tutorial001", () => {
  it("sums a gzip-compressed body", async () => {
    const body = await gzip(numbers);
    expect(body.byteLength).toBeLessThan(numbers.length);
    const response = await client.post("/sum", {
      content: body,
      headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ sum: 1000 });
  });

  it("sums an uncompressed body too", async () => {
    const response = await client.post("/sum", { content: numbers, headers: { "Content-Type": "application/json" } });
    expect(response.json()).toEqual({ sum: 1000 });
  });

  it("hands every operation a GzipRequest", async () => {
    expect((await client.get("/check-class")).json()).toEqual({ gzip_request: true });
  });
});
