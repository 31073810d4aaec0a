import { FastAPI, StreamingResponse } from "fastapi-ts";

export const app = new FastAPI();

async function* fakeVideoStreamer() {
  for (let i = 0; i < 10; i++) {
    yield new TextEncoder().encode("some fake video bytes");
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

app.get("/", {}, async function main() {
  return new StreamingResponse(fakeVideoStreamer());
});
