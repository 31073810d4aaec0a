import { FastAPI, Request } from "fastapi-ts";

export const app = new FastAPI();

function magicDataReader(rawBody: Uint8Array) {
  return {
    size: rawBody.byteLength,
    content: {
      name: "Maaaagic",
      price: 42,
      description: "Just kiddin', no magic here. ✨",
    },
  };
}

app.post("/items/", {
  params: { request: Request },
  openapiExtra: {
    requestBody: {
      content: {
        "application/json": {
          schema: {
            required: ["name", "price"],
            type: "object",
            properties: {
              name: { type: "string" },
              price: { type: "number" },
              description: { type: "string" },
            },
          },
        },
      },
      required: true,
    },
  },
}, async function create_item({ request }) {
  const rawBody = await request.body();
  return magicDataReader(rawBody);
});
