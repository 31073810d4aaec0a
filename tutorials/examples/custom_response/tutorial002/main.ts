import { FastAPI, HTMLResponse } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", { responseClass: HTMLResponse }, async function read_items() {
  return `
    <html>
        <head>
            <title>Some HTML in here</title>
        </head>
        <body>
            <h1>Look ma! HTML!</h1>
        </body>
    </html>
    `;
});
