import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

// Each line is sent as it is, without its line break: the chunks join into one text.
const expected = ""
  + "Rick: (stumbles in drunkenly, and turns on the lights)"
  + " Morty! You gotta come on. You got--... you gotta come with me."
  + "Morty: (rubs his eyes) What, Rick? What's going on?"
  + "Rick: I got a surprise for you, Morty."
  + "Morty: It's the middle of the night. What are you talking about?"
  + "Rick: (spills alcohol on Morty's bed) Come on, I got a surprise for you."
  + " (drags Morty by the ankle) Come on, hurry up."
  + " (pulls Morty out of his bed and into the hall)"
  + "Morty: Ow! Ow! You're tugging me too hard!"
  + "Rick: We gotta go, gotta get outta here, come on."
  + " Got a surprise for you Morty.";

const paths = [
  "/story/stream", "/story/stream-no-async", "/story/stream-no-annotation", "/story/stream-no-async-no-annotation",
  "/story/stream-bytes", "/story/stream-no-async-bytes", "/story/stream-no-annotation-bytes", "/story/stream-no-async-no-annotation-bytes",
];

describe("stream_data/tutorial001", () => {
  for (const path of paths) {
    it(`GET ${path} streams the story's lines as they are`, async () => {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.text).toBe(expected);
      // A plain StreamingResponse names no media type.
      expect(response.headers.get("content-type")).toBeNull();
    });
  }

  it("documents a response without content", async () => {
    const { paths: documented } = (await client.get("/openapi.json")).json<{ paths: Record<string, { get: object }> }>();
    expect(Object.keys(documented)).toEqual(paths);
    expect(documented["/story/stream"]!.get).toEqual({
      summary: "Stream Story",
      operationId: "stream_story_story_stream_get",
      responses: { 200: { description: "Successful Response" } },
    });
    expect(documented["/story/stream-no-async-no-annotation-bytes"]!.get).toEqual({
      summary: "Stream Story No Async No Annotation Bytes",
      operationId: "stream_story_no_async_no_annotation_bytes_story_stream_no_async_no_annotation_bytes_get",
      responses: { 200: { description: "Successful Response" } },
    });
  });
});
