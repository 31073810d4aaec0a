import { Cookie, Depends, dependency, FastAPI, HTMLResponse, Query, WebSocket, WebSocketException, status } from "fastapi-ts";
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
        <form action="" onsubmit="sendMessage(event)">
            <label>Item ID: <input type="text" id="itemId" autocomplete="off" value="foo"/></label>
            <label>Token: <input type="text" id="token" autocomplete="off" value="some-key-token"/></label>
            <button onclick="connect(event)">Connect</button>
            <hr>
            <label>Message: <input type="text" id="messageText" autocomplete="off"/></label>
            <button>Send</button>
        </form>
        <ul id='messages'>
        </ul>
        <script>
        var ws = null;
            function connect(event) {
                var itemId = document.getElementById("itemId")
                var token = document.getElementById("token")
                ws = new WebSocket("ws://localhost:8000/items/" + itemId.value + "/ws?token=" + token.value);
                ws.onmessage = function(event) {
                    var messages = document.getElementById('messages')
                    var message = document.createElement('li')
                    var content = document.createTextNode(event.data)
                    message.appendChild(content)
                    messages.appendChild(message)
                };
                event.preventDefault()
            }
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

app.get("/", async function get() {
  return new HTMLResponse(html);
});

const get_cookie_or_token = dependency(
  {
    params: {
      websocket: WebSocket,
      session: Cookie(z.string().nullable().default(null)),
      token: Query(z.string().nullable().default(null)),
    },
  },
  async function get_cookie_or_token({ session, token }) {
    if (session === null && token === null) {
      throw new WebSocketException(status.WS_1008_POLICY_VIOLATION);
    }
    return (session || token) as string;
  },
);

app.websocket("/items/{item_id}/ws", {
  params: {
    websocket: WebSocket,
    item_id: z.string(),
    q: z.int().nullable().default(null),
    cookie_or_token: Depends(get_cookie_or_token),
  },
}, async function websocket_endpoint({ websocket, item_id, q, cookie_or_token }) {
  await websocket.accept();
  for (;;) {
    const data = await websocket.receiveText();
    await websocket.sendText(`Session cookie or query token value is: ${cookie_or_token}`);
    if (q !== null) {
      await websocket.sendText(`Query parameter q is: ${q}`);
    }
    await websocket.sendText(`Message text was: ${data}, for item ID: ${item_id}`);
  }
});
