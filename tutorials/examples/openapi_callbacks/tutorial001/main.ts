import { APIRouter, FastAPI, JSONResponse } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const Invoice = z.object({
  id: z.string(),
  title: z.string().nullable().default(null),
  customer: z.string(),
  total: z.number(),
}).meta({ id: "Invoice" });

const InvoiceEvent = z.object({
  description: z.string(),
  paid: z.boolean(),
}).meta({ id: "InvoiceEvent" });

const InvoiceEventReceived = z.object({
  ok: z.boolean(),
}).meta({ id: "InvoiceEventReceived" });

// Only documentation: this router is never served. It describes the request your API will send
// to the API user's server, and what that server should answer.
const invoicesCallbackRouter = new APIRouter({ responseClass: JSONResponse });

invoicesCallbackRouter.post("{$callback_url}/invoices/{$request.body.id}", {
  params: { body: InvoiceEvent },
  responseModel: InvoiceEventReceived,
}, function invoice_notification() {});

app.post("/invoices/", {
  params: { invoice: Invoice, callback_url: z.httpUrl().min(1).max(2083).nullable().default(null) },
  callbacks: invoicesCallbackRouter.routes,
  description: `Create an invoice.

This will (let's imagine) let the API user (some external developer) create an
invoice.

And this path operation will:

* Send the invoice to the client.
* Collect the money from the client.
* Send a notification back to the API user (the external developer), as a callback.
    * At this point is that the API will somehow send a POST request to the
        external API with the notification of the invoice event
        (e.g. "payment successful").`,
}, async function create_invoice() {
  // Send the invoice, collect the money, send the notification (the callback)
  return { msg: "Invoice received" };
});
