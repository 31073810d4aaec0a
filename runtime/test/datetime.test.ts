import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  Body, CalendarDate, DateTime, Duration, FastAPI, Query, TestClient, TimeOfDay, awareDatetime, date, datetime, jsonableEncoder,
  modelJsonSchema, naiveDatetime, time, timedelta,
} from "../src/index.ts";

// Each expectation is what FastAPI (pydantic v2) answers for the same value: `jsonable_encoder` writes Python's
// `isoformat()` and a timedelta's `total_seconds()`; a response model writes pydantic's JSON (`Z`, ISO durations).

describe("DateTime keeps what pydantic keeps", () => {
  it("writes the offset, a naive value without one, microseconds, and no zero fraction", () => {
    const utc = new DateTime({ year: 2018, month: 12, day: 22, hour: 14, offset: 0 });
    expect(utc.isoformat()).toBe("2018-12-22T14:00:00+00:00");
    expect(utc.toJSON()).toBe("2018-12-22T14:00:00Z");
    const naive = new DateTime({ year: 2023, month: 1, day: 1, hour: 12 });
    expect(naive.isoformat()).toBe("2023-01-01T12:00:00");
    expect(naive.toJSON()).toBe("2023-01-01T12:00:00");
    const micro = new DateTime({ year: 2023, month: 1, day: 1, hour: 12, microsecond: 123_456, offset: -(5 * 3600 + 30 * 60) });
    expect(micro.isoformat()).toBe("2023-01-01T12:00:00.123456-05:30");
    expect(micro.toJSON()).toBe("2023-01-01T12:00:00.123456-05:30");
    expect(new DateTime({ year: 2023, month: 1, day: 1, microsecond: 120_000 }).isoformat()).toBe("2023-01-01T00:00:00.120000");
  });

  it("computes as Python does: datetime + timedelta, datetime - datetime", () => {
    const start = new DateTime({ year: 2018, month: 12, day: 22, hour: 14, offset: 0 });
    const end = new DateTime({ year: 2018, month: 12, day: 24, hour: 17, offset: 7200 });
    const startProcess = start.add(Duration.fromSeconds(300));
    expect(startProcess.isoformat()).toBe("2018-12-22T14:05:00+00:00");
    expect(end.since(startProcess).totalSeconds()).toBe(176_100);
    expect(new DateTime({ year: 2020, month: 2, day: 28, hour: 23 }).add(new Duration({ hours: 2 })).isoformat()).toBe("2020-02-29T01:00:00");
    expect(() => start.since(new DateTime({ year: 2018, month: 12, day: 22 }))).toThrow(TypeError);
    expect(DateTime.fromDate(new Date("2024-01-02T03:04:05.678Z")).isoformat()).toBe("2024-01-02T03:04:05.678000+00:00");
    expect(start.atOffset(3600).isoformat()).toBe("2018-12-22T15:00:00+01:00");
  });
});

describe("Duration writes pydantic's ISO 8601 form", () => {
  it("in days (years of 365) and seconds, with the sign in front", () => {
    expect(new Duration({ days: 3, hours: 4 }).toJSON()).toBe("P3DT14400S");
    expect(Duration.fromSeconds(300).toJSON()).toBe("PT300S");
    expect(new Duration({ days: 400 }).toJSON()).toBe("P1Y35D");
    expect(new Duration({ microseconds: 1500 }).toJSON()).toBe("PT0.0015S");
    expect(Duration.fromSeconds(-1).toJSON()).toBe("-PT1S");
    expect(new Duration().toJSON()).toBe("PT0S");
    // Python's normalisation: timedelta(seconds=-1) == timedelta(days=-1, seconds=86399).
    expect(Duration.fromSeconds(-1)).toMatchObject({ days: -1, seconds: 86_399, microseconds: 0 });
    expect(Duration.fromSeconds(-1).totalSeconds()).toBe(-1);
  });
});

describe("date and time schemas in an app", () => {
  const app = new FastAPI();
  app.put("/items/{item_id}", {
    params: {
      item_id: z.uuid(),
      start_datetime: Body(datetime()),
      end_datetime: Body(datetime()),
      process_after: Body(timedelta()),
      repeat_at: Body(time().nullable().default(null)),
    },
  }, async function read_items({ item_id, start_datetime, end_datetime, process_after, repeat_at }) {
    const start_process = start_datetime.add(process_after);
    const duration = end_datetime.since(start_process);
    return { item_id, start_datetime, end_datetime, process_after, repeat_at, start_process, duration };
  });
  const Event = z.object({ when: datetime(), wait: timedelta(), at: time(), day: date() }).meta({ id: "Event" });
  app.post("/events/", { params: { event: Event }, responseModel: Event }, async function create_event({ event }) {
    return event;
  });
  app.get("/when/", { params: { when: datetime(), day: date().optional(), wait: timedelta().optional() } }, async function when(v) {
    return v;
  });
  app.get("/aware/", { params: { when: Query(awareDatetime()), naive: Query(naiveDatetime().optional()) } }, async function aware(v) {
    return v;
  });
  const client = new TestClient(app);
  const id = "ff97dd87-a4a5-4a12-b412-cde99f33e00e";

  it("answers FastAPI's extra_data_types body: offsets kept, durations as seconds (jsonable_encoder)", async () => {
    const data = { start_datetime: "2018-12-22T14:00:00+00:00", end_datetime: "2018-12-24T15:00:00+00:00", repeat_at: "15:30:00", process_after: 300 };
    const r = await client.put(`/items/${id}`, { json: data });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ ...data, item_id: id, start_process: "2018-12-22T14:05:00+00:00", duration: 176_100 });
    const iso = await client.put(`/items/${id}`, { json: { ...data, process_after: "P3DT4H", repeat_at: null } });
    expect(iso.json()).toMatchObject({ process_after: 273_600, repeat_at: null, start_process: "2018-12-25T18:00:00+00:00", duration: -97_200 });
  });

  it("writes pydantic's JSON through a response model: Z for UTC, ISO durations, naive kept", async () => {
    const r = await client.post("/events/", { json: { when: "2023-01-01T12:00:00.5Z", wait: "P3DT4H", at: "09:30", day: "2008-09-15" } });
    expect(r.json()).toEqual({ when: "2023-01-01T12:00:00.500000Z", wait: "P3DT14400S", at: "09:30:00", day: "2008-09-15" });
    const naive = await client.post("/events/", { json: { when: "2023-01-01T12:00:00", wait: -1, at: "09:30:00+02:00", day: "2008-09-15T00:00:00" } });
    expect(naive.json()).toEqual({ when: "2023-01-01T12:00:00", wait: "-PT1S", at: "09:30:00+02:00", day: "2008-09-15" });
  });

  it("reads them from the query string as scalars, and reports pydantic's errors", async () => {
    expect((await client.get("/when/?when=2018-12-22&day=2018-12-22&wait=01:30:00")).json()).toEqual({ when: "2018-12-22T00:00:00", day: "2018-12-22", wait: 5400 });
    const r = await client.get("/when/?when=yesterday&day=2018-12-22T10:00:00&wait=P1X");
    expect(r.status).toBe(422);
    expect(r.json()).toEqual({
      detail: [
        { type: "datetime_from_date_parsing", loc: ["query", "when"], msg: "Input should be a valid datetime or date, input is too short", input: "yesterday", ctx: { error: "input is too short" } },
        { type: "date_from_datetime_inexact", loc: ["query", "day"], msg: "Datetimes provided to dates should have zero time - e.g. be exact dates", input: "2018-12-22T10:00:00" },
        { type: "time_delta_parsing", loc: ["query", "wait"], msg: "Input should be a valid timedelta, quantity invalid in date part of duration", input: "P1X", ctx: { error: "quantity invalid in date part of duration" } },
      ],
    });
    expect((await client.get("/when/")).json()).toEqual({ detail: [{ type: "missing", loc: ["query", "when"], msg: "Field required", input: null }] });
  });

  it("names a date or time member of a union as pydantic does", async () => {
    const unions = new FastAPI();
    unions.get("/u/", { params: { at: z.union([datetime(), z.int()]) } }, async function u({ at }) {
      return { at };
    });
    expect((await new TestClient(unions).get("/u/?at=soon")).json()).toEqual({
      detail: [
        { type: "datetime_from_date_parsing", loc: ["query", "at", "datetime"], msg: "Input should be a valid datetime or date, input is too short", input: "soon", ctx: { error: "input is too short" } },
        { type: "int_parsing", loc: ["query", "at", "int"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "soon" },
      ],
    });
  });

  it("checks aware and naive datetimes", async () => {
    expect((await client.get("/aware/?when=2020-01-01T00:00:00%2B01:00")).json()).toEqual({ when: "2020-01-01T00:00:00+01:00" });
    expect((await client.get("/aware/?when=2020-01-01T00:00:00&naive=2020-01-01T00:00:00Z")).json()).toEqual({
      detail: [
        { type: "timezone_aware", loc: ["query", "when"], msg: "Input should have timezone info", input: "2020-01-01T00:00:00" },
        { type: "timezone_naive", loc: ["query", "naive"], msg: "Input should not have timezone info", input: "2020-01-01T00:00:00Z" },
      ],
    });
  });

  it("reports a missing body member and a wrong type as pydantic does", async () => {
    const r = await client.put(`/items/${id}`, { json: { start_datetime: true, end_datetime: "2018-12-24T15:00:00+00:00" } });
    expect(r.json()).toEqual({
      detail: [
        { type: "datetime_type", loc: ["body", "start_datetime"], msg: "Input should be a valid datetime", input: true },
        { type: "missing", loc: ["body", "process_after"], msg: "Field required", input: null },
      ],
    });
  });

  it("documents the formats pydantic documents", async () => {
    const doc = (await client.get("/openapi.json")).json<{ components: { schemas: Record<string, { properties: unknown }> } }>();
    expect(doc.components.schemas.Body_read_items_items__item_id__put!.properties).toEqual({
      start_datetime: { title: "Start Datetime", type: "string", format: "date-time" },
      end_datetime: { title: "End Datetime", type: "string", format: "date-time" },
      process_after: { title: "Process After", type: "string", format: "duration" },
      repeat_at: { title: "Repeat At", anyOf: [{ type: "string", format: "time" }, { type: "null" }] },
    });
    expect(modelJsonSchema(Event)).toEqual({
      title: "Event", type: "object", required: ["when", "wait", "at", "day"],
      properties: {
        when: { title: "When", type: "string", format: "date-time" }, wait: { title: "Wait", type: "string", format: "duration" },
        at: { title: "At", type: "string", format: "time" }, day: { title: "Day", type: "string", format: "date" },
      },
    });
  });
});

describe("jsonableEncoder", () => {
  it("writes dates and times as FastAPI's jsonable_encoder: isoformat, durations in seconds", () => {
    expect(jsonableEncoder({
      when: new DateTime({ year: 2023, month: 1, day: 1, hour: 12 }),
      instant: new Date("2018-12-22T14:00:00Z"),
      day: new CalendarDate({ year: 2008, month: 9, day: 15 }),
      at: new TimeOfDay({ hour: 15, minute: 30, offset: 0 }),
      wait: new Duration({ days: 3, hours: 4, microseconds: 500_000 }),
    })).toEqual({ when: "2023-01-01T12:00:00", instant: "2018-12-22T14:00:00+00:00", day: "2008-09-15", at: "15:30:00+00:00", wait: 273_600.5 });
  });
});

describe("z.date() reads strings as pydantic reads a datetime", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it("takes a naive datetime as UTC, whatever the server's time zone", async () => {
    process.env.TZ = "America/New_York";
    const app = new FastAPI();
    app.get("/at/", { params: { at: z.date() } }, async function at({ at }) {
      return { at };
    });
    expect((await new TestClient(app).get("/at/?at=2023-01-01T12:00:00")).json()).toEqual({ at: "2023-01-01T12:00:00+00:00" });
  });
});
