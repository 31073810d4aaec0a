import { FastAPI, HTMLResponse } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", {}, async function read_items() {
  const htmlContent = `
    <html>
        <head>
            <title>Some HTML in here</title>
        </head>
        <body>
            <h1>Look ma! HTML!</h1>
        </body>
    </html>
    `;
  return new HTMLResponse(htmlContent, { statusCode: 200 });
});
