import { EventSourceResponse, FastAPI, ServerSentEvent } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const Prompt = z.object({
  text: z.string(),
}).meta({ id: "Prompt" });

app.post("/chat/stream", { responseClass: EventSourceResponse, params: { prompt: Prompt } }, async function* stream_chat({ prompt }) {
  const words = prompt.text.split(/\s+/).filter((word) => word !== "");
  for (const word of words) {
    yield new ServerSentEvent({ data: word, event: "token" });
  }
  yield new ServerSentEvent({ rawData: "[DONE]", event: "done" });
});
