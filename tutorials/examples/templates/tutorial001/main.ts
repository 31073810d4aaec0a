import { FastAPI, HTMLResponse, Jinja2Templates, Request, StaticFiles } from "fastapi-ts";
import { z } from "zod";
import { files } from "./files.ts";

export const app = new FastAPI();

app.mount("/static", new StaticFiles({ directory: "static", fs: files }), { name: "static" });

const templates = new Jinja2Templates({ directory: "templates", fs: files });

app.get("/items/{id}", {
  params: { request: Request, id: z.string() },
  responseClass: HTMLResponse,
}, async function read_item({ request, id }) {
  return templates.TemplateResponse(request, "item.html", { id });
});
