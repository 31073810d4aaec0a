import { describe, it, expect } from "vitest";
import { PlainTextResponse, TestClient } from "fastapi-ts";
import { app } from "./main.ts";

// A body above the 1000-byte minimum, as in FastAPI's own test of this example.
app.get("/large", {}, async function large() {
  return new PlainTextResponse("x".repeat(4000), { status: 200 });
});

const client = new TestClient(app);

async function gunzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

describe("advanced_middleware/tutorial003", () => {
  it("compresses a large body for a client that accepts gzip", async () => {
    const response = await client.get("/large", { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Encoding")).toBe("gzip");
    expect(response.headers.get("Vary")).toBe("Accept-Encoding");
    expect(Number(response.headers.get("Content-Length"))).toBeLessThan(4000);
    expect(Number(response.headers.get("Content-Length"))).toBe(response.content.byteLength);
    expect(await gunzip(response.content)).toBe("x".repeat(4000));
  });

  it("sends a large body as it is to a client that does not accept gzip", async () => {
    const response = await client.get("/large", { headers: { "accept-encoding": "identity" } });
    expect(response.headers.get("Content-Encoding")).toBeNull();
    expect(response.text).toBe("x".repeat(4000));
  });

  it("leaves a body under the minimum size alone", async () => {
    const response = await client.get("/", { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Encoding")).toBeNull();
    expect(response.json()).toBe("somebigcontent");
  });
});
