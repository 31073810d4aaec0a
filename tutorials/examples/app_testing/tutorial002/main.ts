import { FastAPI, WebSocket } from "fastapi-ts";

export const app = new FastAPI();

app.get("/", async function read_main() {
  return { msg: "Hello World" };
});

app.websocket("/ws", { params: { websocket: WebSocket } }, async function websocket({ websocket }) {
  await websocket.accept();
  await websocket.sendJson({ msg: "Hello WebSocket" });
  await websocket.close();
});
