import { EventSourceResponse, FastAPI, ServerSentEvent } from "fastapi-ts";

export const app = new FastAPI();

app.get("/logs/stream", { responseClass: EventSourceResponse }, async function* stream_logs() {
  const logs = [
    "2025-01-01 INFO  Application started",
    "2025-01-01 DEBUG Connected to database",
    "2025-01-01 WARN  High memory usage detected",
  ];
  for (const logLine of logs) {
    yield new ServerSentEvent({ rawData: logLine });
  }
});
