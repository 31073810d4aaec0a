import { FastAPI, StreamingResponse } from "fastapi-ts";

export const app = new FastAPI();

const message = `
Rick: (stumbles in drunkenly, and turns on the lights) Morty! You gotta come on. You got--... you gotta come with me.
Morty: (rubs his eyes) What, Rick? What's going on?
Rick: I got a surprise for you, Morty.
Morty: It's the middle of the night. What are you talking about?
Rick: (spills alcohol on Morty's bed) Come on, I got a surprise for you. (drags Morty by the ankle) Come on, hurry up. (pulls Morty out of his bed and into the hall)
Morty: Ow! Ow! You're tugging me too hard!
Rick: We gotta go, gotta get outta here, come on. Got a surprise for you Morty.
`;

/** The message's lines, without their line breaks (Python's `str.splitlines()`). */
const lines = (): string[] => message.split("\n").slice(0, -1);

app.get("/story/stream", { responseClass: StreamingResponse }, async function* stream_story(): AsyncGenerator<string> {
  for (const line of lines()) {
    yield line;
  }
});

app.get("/story/stream-no-async", { responseClass: StreamingResponse }, function* stream_story_no_async(): Generator<string> {
  for (const line of lines()) {
    yield line;
  }
});

app.get("/story/stream-no-annotation", { responseClass: StreamingResponse }, async function* stream_story_no_annotation() {
  for (const line of lines()) {
    yield line;
  }
});

app.get("/story/stream-no-async-no-annotation", { responseClass: StreamingResponse }, function* stream_story_no_async_no_annotation() {
  for (const line of lines()) {
    yield line;
  }
});

app.get("/story/stream-bytes", { responseClass: StreamingResponse }, async function* stream_story_bytes(): AsyncGenerator<Uint8Array> {
  for (const line of lines()) {
    yield new TextEncoder().encode(line);
  }
});

app.get("/story/stream-no-async-bytes", { responseClass: StreamingResponse }, function* stream_story_no_async_bytes(): Generator<Uint8Array> {
  for (const line of lines()) {
    yield new TextEncoder().encode(line);
  }
});

app.get("/story/stream-no-annotation-bytes", { responseClass: StreamingResponse }, async function* stream_story_no_annotation_bytes() {
  for (const line of lines()) {
    yield new TextEncoder().encode(line);
  }
});

app.get("/story/stream-no-async-no-annotation-bytes", { responseClass: StreamingResponse }, function* stream_story_no_async_no_annotation_bytes() {
  for (const line of lines()) {
    yield new TextEncoder().encode(line);
  }
});
