import { FastAPI, File, Form, UploadFile } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.post("/files/", { params: { file: File(), fileb: UploadFile, token: Form(z.string()) } }, async function create_file({ file, fileb, token }) {
  return {
    file_size: file.length,
    token,
    fileb_content_type: fileb.contentType,
  };
});
