import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.middleware("http", async function add_process_time_header(request, call_next) {
  const start_time = performance.now();
  const response = await call_next(request);
  const process_time = (performance.now() - start_time) / 1000;
  response.headers.set("X-Process-Time", String(process_time));
  return response;
});
