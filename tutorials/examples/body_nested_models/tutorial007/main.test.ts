import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

interface Doc {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
}

async function openapi(): Promise<Doc> {
  const response = await client.get("/openapi.json");
  expect(response.status).toBe(200);
  return response.json<Doc>();
}

const offer = {
  name: "Summer pack",
  description: null,
  price: 50.5,
  items: [
    {
      name: "Foo",
      description: "The pretender",
      price: 42.0,
      tax: 3.2,
      tags: ["rock", "metal"],
      images: [{ url: "http://example.com/baz.jpg", name: "The Foo live" }],
    },
    { name: "Bar", description: null, price: 8.5, tax: null, tags: [], images: null },
  ],
};

describe("body_nested_models/tutorial007", () => {
  it("receives an offer, its items and their images", async () => {
    const response = await client.post("/offers/", {
      json: { name: "Summer pack", price: 50.5, items: [{ ...offer.items[0], tags: ["rock", "metal", "rock"] }, { name: "Bar", price: 8.5 }] },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(offer);
  });

  it("points three levels deep", async () => {
    const response = await client.post("/offers/", {
      json: { name: "Summer pack", price: 50.5, items: [{ name: "Foo", price: 42.0, images: [{ url: "http://example.com/baz.jpg" }] }] },
    });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "items", 0, "images", 0, "name"], msg: "Field required", input: { url: "http://example.com/baz.jpg" } }],
    });
  });

  it("requires the items", async () => {
    const response = await client.post("/offers/", { json: { name: "Summer pack", price: 50.5 } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "items"], msg: "Field required", input: { name: "Summer pack", price: 50.5 } }],
    });
  });

  it("documents the three models, each referring to the next", async () => {
    const doc = await openapi();
    expect(doc.paths["/offers/"]!.post).toMatchObject({
      summary: "Create Offer",
      operationId: "create_offer_offers__post",
      requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Offer" } } }, required: true },
    });
    expect(doc.components.schemas.Offer).toEqual({
      title: "Offer",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        price: { title: "Price", type: "number" },
        items: { title: "Items", type: "array", items: { $ref: "#/components/schemas/Item" } },
      },
      required: ["name", "price", "items"],
    });
    expect(doc.components.schemas.Item).toMatchObject({
      properties: { images: { title: "Images", anyOf: [{ type: "array", items: { $ref: "#/components/schemas/Image" } }, { type: "null" }] } },
    });
    expect(Object.keys(doc.components.schemas)).toEqual(["HTTPValidationError", "Image", "Item", "Offer", "ValidationError"]);
  });
});
