import { FastAPI, HTMLResponse, WebSocket, WebSocketDisconnect } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

export const html = `
<!DOCTYPE html>
<html>
    <head>
        <title>Chat</title>
    </head>
    <body>
        <h1>WebSocket Chat</h1>
        <h2>Your ID: <span id="ws-id"></span></h2>
        <form action="" onsubmit="sendMessage(event)">
            <input type="text" id="messageText" autocomplete="off"/>
            <button>Send</button>
        </form>
        <ul id='messages'>
        </ul>
        <script>
            var client_id = Date.now()
            document.querySelector("#ws-id").textContent = client_id;
            var ws = new WebSocket(\`ws://localhost:8000/ws/\${client_id}\`);
            ws.onmessage = function(event) {
                var messages = document.getElementById('messages')
                var message = document.createElement('li')
                var content = document.createTextNode(event.data)
                message.appendChild(content)
                messages.appendChild(message)
            };
            function sendMessage(event) {
                var input = document.getElementById("messageText")
                ws.send(input.value)
                input.value = ''
                event.preventDefault()
            }
        </script>
    </body>
</html>
`;

class ConnectionManager {
  active_connections: WebSocket[] = [];

  async connect(websocket: WebSocket): Promise<void> {
    await websocket.accept();
    this.active_connections.push(websocket);
  }

  disconnect(websocket: WebSocket): void {
    this.active_connections.splice(this.active_connections.indexOf(websocket), 1);
  }

  async send_personal_message(message: string, websocket: WebSocket): Promise<void> {
    await websocket.sendText(message);
  }

  async broadcast(message: string): Promise<void> {
    for (const connection of this.active_connections) {
      await connection.sendText(message);
    }
  }
}

const manager = new ConnectionManager();

app.get("/", async function get() {
  return new HTMLResponse(html);
});

app.websocket("/ws/{client_id}", { params: { websocket: WebSocket, client_id: z.int() } }, async function websocket_endpoint(
  { websocket, client_id },
) {
  await manager.connect(websocket);
  try {
    for (;;) {
      const data = await websocket.receiveText();
      await manager.send_personal_message(`You wrote: ${data}`, websocket);
      await manager.broadcast(`Client #${client_id} says: ${data}`);
    }
  } catch (error) {
    if (!(error instanceof WebSocketDisconnect)) throw error;
    manager.disconnect(websocket);
    await manager.broadcast(`Client #${client_id} left the chat`);
  }
});
