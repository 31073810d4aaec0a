import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/files/{file_path:path}", { params: { file_path: z.string() } }, async function read_file({ file_path }) {
  return { file_path };
});
