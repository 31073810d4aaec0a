import { FastAPI, File, UploadFile } from "fastapi-ts";

export const app = new FastAPI();

app.post("/files/", { params: { file: File() } }, async function create_file({ file }) {
  return { file_size: file.length };
});

app.post("/uploadfile/", { params: { file: UploadFile } }, async function create_upload_file({ file }) {
  return { filename: file.filename };
});
