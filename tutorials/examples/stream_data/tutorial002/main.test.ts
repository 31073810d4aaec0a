import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, binaryImage } from "./main.ts";

const client = new TestClient(app);

const paths = ["/image/stream", "/image/stream-no-async", "/image/stream-no-async-yield-from", "/image/stream-no-annotation", "/image/stream-no-async-no-annotation"];

describe("stream_data/tutorial002", () => {
  for (const path of paths) {
    it(`GET ${path} streams the whole PNG with its media type`, async () => {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.content).toEqual(binaryImage);
      // A PNG starts with its eight-byte signature.
      expect([...response.content.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    });
  }

  it("documents the image content", async () => {
    const { paths: documented } = (await client.get("/openapi.json")).json<{ paths: Record<string, { get: object }> }>();
    expect(Object.keys(documented)).toEqual(paths);
    expect(documented["/image/stream"]!.get).toEqual({
      summary: "Stream Image",
      operationId: "stream_image_image_stream_get",
      responses: { 200: { description: "Successful Response", content: { "image/png": { schema: { type: "string" } } } } },
    });
  });
});
