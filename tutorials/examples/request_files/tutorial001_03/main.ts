import { FastAPI, File } from "fastapi-ts";

export const app = new FastAPI();

app.post("/files/", { params: { file: File({ description: "A file read as bytes" }) } }, async function create_file({ file }) {
  return { file_size: file.length };
});

app.post("/uploadfile/", { params: { file: File({ upload: true, description: "A file read as UploadFile" }) } },
  async function create_upload_file({ file }) {
    return { filename: file.filename };
  });
