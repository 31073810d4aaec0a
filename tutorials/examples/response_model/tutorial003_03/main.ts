import { FastAPI, RedirectResponse } from "fastapi-ts";

export const app = new FastAPI();

app.get("/teleport", async function get_teleport(): Promise<RedirectResponse> {
  return new RedirectResponse("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
});
