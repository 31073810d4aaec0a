import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const item_id = "ff97dd87-a4a5-4a12-b412-cde99f33e00e";
const data = {
  start_datetime: "2018-12-22T14:00:00+00:00",
  end_datetime: "2018-12-24T15:00:00+00:00",
  repeat_at: "15:30:00",
  process_after: 300,
};

describe("extra_data_types/tutorial001", () => {
  it("converts the values, computes with them, and sends them back as JSON", async () => {
    const response = await client.put(`/items/${item_id}`, { json: data });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      item_id,
      start_datetime: "2018-12-22T14:00:00+00:00",
      end_datetime: "2018-12-24T15:00:00+00:00",
      repeat_at: "15:30:00",
      process_after: 300,
      start_process: "2018-12-22T14:05:00+00:00",
      duration: 176_100,
    });
  });

  it("reads an ISO 8601 duration and keeps each datetime's offset", async () => {
    const response = await client.put(`/items/${item_id}`, {
      json: { start_datetime: "2018-12-22T14:00:00+01:00", end_datetime: "2018-12-24T15:00:00.5+01:00", process_after: "P1DT2H" },
    });
    expect(response.json()).toEqual({
      item_id,
      start_datetime: "2018-12-22T14:00:00+01:00",
      end_datetime: "2018-12-24T15:00:00.500000+01:00",
      repeat_at: null,
      process_after: 93_600,
      start_process: "2018-12-23T16:00:00+01:00",
      duration: 82_800.5,
    });
  });

  it("reads any UUID as pydantic does: any variant, capitals, no hyphens; it arrives in canonical form", async () => {
    for (const sent of ["12345678-1234-1234-1234-123456789012", "12345678123412341234123456789012", "{12345678-1234-1234-1234-123456789012}", "12345678-1234-1234-1234-123456789012".toUpperCase()]) {
      const response = await client.put(`/items/${sent}`, { json: data });
      expect(response.status).toBe(200);
      expect(response.json<{ item_id: string }>().item_id).toBe("12345678-1234-1234-1234-123456789012");
    }
  });

  it("rejects an item ID that is not a UUID", async () => {
    const response = await client.put("/items/not-a-uuid", { json: data });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "uuid_parsing",
          loc: ["path", "item_id"],
          msg: "Input should be a valid UUID, invalid character: found `n` at 1",
          input: "not-a-uuid",
          ctx: { error: "invalid character: found `n` at 1" },
        },
      ],
    });
  });

  it("rejects a datetime and a duration it cannot read", async () => {
    const response = await client.put(`/items/${item_id}`, { json: { ...data, end_datetime: "yesterday", process_after: "5 minutes" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "datetime_from_date_parsing",
          loc: ["body", "end_datetime"],
          msg: "Input should be a valid datetime or date, input is too short",
          input: "yesterday",
          ctx: { error: "input is too short" },
        },
        {
          type: "time_delta_parsing",
          loc: ["body", "process_after"],
          msg: "Input should be a valid timedelta, invalid character in hour",
          input: "5 minutes",
          ctx: { error: "invalid character in hour" },
        },
      ],
    });
  });

  it("documents the formats", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const { paths, components } = response.json<{ paths: Record<string, { put: Record<string, unknown> }>; components: { schemas: Record<string, unknown> } }>();
    expect(paths["/items/{item_id}"]!.put).toMatchObject({
      summary: "Read Items",
      operationId: "read_items_items__item_id__put",
      parameters: [{ name: "item_id", in: "path", required: true, schema: { title: "Item Id", type: "string", format: "uuid" } }],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Body_read_items_items__item_id__put" } } },
      },
    });
    expect(components.schemas.Body_read_items_items__item_id__put).toEqual({
      title: "Body_read_items_items__item_id__put",
      type: "object",
      properties: {
        start_datetime: { title: "Start Datetime", type: "string", format: "date-time" },
        end_datetime: { title: "End Datetime", type: "string", format: "date-time" },
        process_after: { title: "Process After", type: "string", format: "duration" },
        repeat_at: { title: "Repeat At", anyOf: [{ type: "string", format: "time" }, { type: "null" }] },
      },
      required: ["start_datetime", "end_datetime", "process_after"],
    });
  });
});
