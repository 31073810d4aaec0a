import { FastAPI, Response } from "fastapi-ts";

export const app = new FastAPI();

app.get("/legacy/", {}, function get_legacy_data(): Response {
  const data = `<?xml version="1.0"?>
    <shampoo>
    <Header>
        Apply shampoo here.
    </Header>
    <Body>
        You'll have to use soap here.
    </Body>
    </shampoo>
    `;
  return new Response(data, { mediaType: "application/xml" });
});
