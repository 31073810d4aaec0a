import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("handling_errors/tutorial005", () => {
  it("sends the received body along with the errors", async () => {
    const response = await client.post("/items/", { json: { title: "towel", size: "XL" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "int_parsing",
          loc: ["body", "size"],
          msg: "Input should be a valid integer, unable to parse string as an integer",
          input: "XL",
        },
      ],
      body: { title: "towel", size: "XL" },
    });
  });

  it("answers a valid item", async () => {
    const data = { title: "towel", size: 5 };
    const response = await client.post("/items/", { json: data });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(data);
  });

  it("documents the Item body", async () => {
    const response = await client.get("/openapi.json");
    expect(response.json()).toHaveProperty(["components", "schemas", "Item"], {
      title: "Item",
      type: "object",
      properties: { title: { title: "Title", type: "string" }, size: { title: "Size", type: "integer" } },
      required: ["title", "size"],
    });
  });
});
