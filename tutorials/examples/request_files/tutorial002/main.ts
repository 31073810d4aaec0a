import { FastAPI, File, HTMLResponse } from "fastapi-ts";

export const app = new FastAPI();

app.post("/files/", { params: { files: File({ list: true }) } }, async function create_files({ files }) {
  return { file_sizes: files.map((file) => file.length) };
});

app.post("/uploadfiles/", { params: { files: File({ upload: true, list: true }) } }, async function create_upload_files({ files }) {
  return { filenames: files.map((file) => file.filename) };
});

app.get("/", async function main() {
  const content = `
<body>
<form action="/files/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
<form action="/uploadfiles/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
</body>
    `;
  return new HTMLResponse(content);
});
