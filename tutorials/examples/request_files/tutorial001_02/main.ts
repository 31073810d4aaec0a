import { FastAPI, File } from "fastapi-ts";

export const app = new FastAPI();

app.post("/files/", { params: { file: File({ optional: true }) } }, async function create_file({ file }) {
  if (!file) {
    return { message: "No file sent" };
  } else {
    return { file_size: file.length };
  }
});

app.post("/uploadfile/", { params: { file: File({ upload: true, optional: true }) } }, async function create_upload_file({ file }) {
  if (!file) {
    return { message: "No upload file sent" };
  } else {
    return { filename: file.filename };
  }
});
