import { FastAPI } from "fastapi-ts";

// Another app, written without fastapi-ts: anything with a Web-standard `fetch(request)` method (a Hono app, an
// itty-router, or, as here, a few lines by hand standing in for the Flask app of FastAPI's example).
const legacyApp = {
  fetch(request: Request): Response {
    const url = new URL(request.url);
    if (url.pathname !== "/") return new Response("Not Found", { status: 404 });
    const name = url.searchParams.get("name") ?? "World";
    return new Response(`Hello, ${escapeHtml(name)} from Flask!`, {
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  },
};

function escapeHtml(text: string): string {
  const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

export const app = new FastAPI();

app.get("/v2", function read_main() {
  return { message: "Hello World" };
});

app.mount("/v1", legacyApp);
