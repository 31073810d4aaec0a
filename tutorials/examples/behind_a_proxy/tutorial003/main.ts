import { FastAPI, Request } from "fastapi-ts";

export const app = new FastAPI({
  servers: [
    { url: "https://stag.example.com", description: "Staging environment" },
    { url: "https://prod.example.com", description: "Production environment" },
  ],
  rootPath: "/api/v1",
});

app.get("/app", { params: { request: Request } }, function read_main({ request }) {
  return { message: "Hello World", root_path: request.rootPath };
});
