import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const error422 = {
  description: "Validation Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
};

describe("openapi_callbacks/tutorial001", () => {
  it("creates the invoice", async () => {
    const response = await client.post("/invoices/", { json: { id: "fooinvoice", customer: "John", total: 5.3 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ msg: "Invoice received" });
  });

  it("accepts a callback URL and rejects an invoice without its fields", async () => {
    const ok = await client.post("/invoices/?callback_url=https://www.external.org/events", {
      json: { id: "2expen51ve", customer: "Mr. Richie Rich", total: 9999 },
    });
    expect(ok.status).toBe(200);
    const bad = await client.post("/invoices/", { json: { id: "fooinvoice" } });
    expect(bad.status).toBe(422);
    expect(bad.json()).toEqual({
      detail: [
        { type: "missing", loc: ["body", "customer"], msg: "Field required", input: { id: "fooinvoice" } },
        { type: "missing", loc: ["body", "total"], msg: "Field required", input: { id: "fooinvoice" } },
      ],
    });
  });

  it("documents the callback under the operation, not as a path", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/invoices/": {
          post: {
            summary: "Create Invoice",
            description:
              "Create an invoice.\n\nThis will (let's imagine) let the API user (some external developer) create an\ninvoice.\n\n" +
              "And this path operation will:\n\n* Send the invoice to the client.\n* Collect the money from the client.\n" +
              "* Send a notification back to the API user (the external developer), as a callback.\n" +
              "    * At this point is that the API will somehow send a POST request to the\n" +
              "        external API with the notification of the invoice event\n" +
              '        (e.g. "payment successful").',
            operationId: "create_invoice_invoices__post",
            parameters: [
              {
                required: false,
                schema: {
                  anyOf: [{ type: "string", format: "uri", minLength: 1, maxLength: 2083 }, { type: "null" }],
                  title: "Callback Url",
                },
                name: "callback_url",
                in: "query",
              },
            ],
            requestBody: {
              content: { "application/json": { schema: { $ref: "#/components/schemas/Invoice" } } },
              required: true,
            },
            responses: {
              200: { description: "Successful Response", content: { "application/json": { schema: {} } } },
              422: error422,
            },
            callbacks: {
              invoice_notification: {
                "{$callback_url}/invoices/{$request.body.id}": {
                  post: {
                    summary: "Invoice Notification",
                    operationId: "invoice_notification__callback_url__invoices___request_body_id__post",
                    requestBody: {
                      required: true,
                      content: { "application/json": { schema: { $ref: "#/components/schemas/InvoiceEvent" } } },
                    },
                    responses: {
                      200: {
                        description: "Successful Response",
                        content: { "application/json": { schema: { $ref: "#/components/schemas/InvoiceEventReceived" } } },
                      },
                      422: error422,
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          HTTPValidationError: {
            title: "HTTPValidationError",
            type: "object",
            properties: { detail: { title: "Detail", type: "array", items: { $ref: "#/components/schemas/ValidationError" } } },
          },
          Invoice: {
            title: "Invoice",
            required: ["id", "customer", "total"],
            type: "object",
            properties: {
              id: { title: "Id", type: "string" },
              title: { title: "Title", anyOf: [{ type: "string" }, { type: "null" }] },
              customer: { title: "Customer", type: "string" },
              total: { title: "Total", type: "number" },
            },
          },
          InvoiceEvent: {
            title: "InvoiceEvent",
            required: ["description", "paid"],
            type: "object",
            properties: { description: { title: "Description", type: "string" }, paid: { title: "Paid", type: "boolean" } },
          },
          InvoiceEventReceived: {
            title: "InvoiceEventReceived",
            required: ["ok"],
            type: "object",
            properties: { ok: { title: "Ok", type: "boolean" } },
          },
          ValidationError: {
            title: "ValidationError",
            required: ["loc", "msg", "type"],
            type: "object",
            properties: {
              loc: { title: "Location", type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
              msg: { title: "Message", type: "string" },
              type: { title: "Error Type", type: "string" },
              input: { title: "Input" },
              ctx: { title: "Context", type: "object" },
            },
          },
        },
      },
    });
  });
});
