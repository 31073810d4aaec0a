import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("openapi_webhooks/tutorial001", () => {
  it("serves the ordinary path operation", async () => {
    const response = await client.get("/users/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(["Rick", "Morty"]);
  });

  it("does not serve the webhook", async () => {
    const response = await client.post("/new-subscription", { json: { username: "rick", monthly_fee: 5, start_date: "2026-01-01T00:00:00Z" } });
    expect(response.status).toBe(404);
  });

  it("documents the webhook under webhooks", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/users/": {
          get: {
            summary: "Read Users",
            operationId: "read_users_users__get",
            responses: { 200: { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
      webhooks: {
        "new-subscription": {
          post: {
            summary: "New Subscription",
            description:
              "When a new user subscribes to your service we'll send you a POST request with this\n" +
              "data to the URL that you register for the event `new-subscription` in the dashboard.",
            operationId: "new_subscriptionnew_subscription_post",
            requestBody: {
              content: { "application/json": { schema: { $ref: "#/components/schemas/Subscription" } } },
              required: true,
            },
            responses: {
              200: { description: "Successful Response", content: { "application/json": { schema: {} } } },
              422: {
                description: "Validation Error",
                content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          HTTPValidationError: {
            properties: { detail: { items: { $ref: "#/components/schemas/ValidationError" }, type: "array", title: "Detail" } },
            type: "object",
            title: "HTTPValidationError",
          },
          Subscription: {
            properties: {
              username: { type: "string", title: "Username" },
              monthly_fee: { type: "number", title: "Monthly Fee" },
              start_date: { type: "string", format: "date-time", title: "Start Date" },
            },
            type: "object",
            required: ["username", "monthly_fee", "start_date"],
            title: "Subscription",
          },
          ValidationError: {
            properties: {
              ctx: { title: "Context", type: "object" },
              input: { title: "Input" },
              loc: { items: { anyOf: [{ type: "string" }, { type: "integer" }] }, type: "array", title: "Location" },
              msg: { type: "string", title: "Message" },
              type: { type: "string", title: "Error Type" },
            },
            type: "object",
            required: ["loc", "msg", "type"],
            title: "ValidationError",
          },
        },
      },
    });
  });
});
