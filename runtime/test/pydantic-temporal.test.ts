import { describe, expect, it } from "vitest";
import { FastAPI, TestClient, date, datetime, timedelta } from "../src/index.ts";

// Each expectation is the answer of FastAPI 0.142 / pydantic 2.13 (speedate) to the same query, for
// `def q(v: datetime)`, `def q(v: date)` and `def q(v: timedelta)` returning `{"v": v}`.

const app = new FastAPI();
app.get("/q/dt", { params: { v: datetime() } }, function q_dt({ v }) { return { v }; });
app.get("/q/date", { params: { v: date() } }, function q_date({ v }) { return { v }; });
app.get("/q/td", { params: { v: timedelta() } }, function q_td({ v }) { return { v }; });
const client = new TestClient(app);

const get = async (url: string) => {
  const r = await client.get(url);
  return { status: r.status, body: r.json() };
};
const parsing = (type: string, what: string, input: string, error: string) => ({
  status: 422, body: { detail: [{ type, loc: ["query", "v"], msg: `Input should be a valid ${what}, ${error}`, input, ctx: { error } }] },
});

describe("a timestamp is an integer, or a float once there is a `.`", () => {
  it("1e10 is no timestamp", async () => {
    expect(await get("/q/dt?v=1e10")).toEqual(parsing("datetime_from_date_parsing", "datetime or date", "1e10", "input is too short"));
    expect(await get("/q/date?v=1e10")).toEqual(parsing("date_from_datetime_parsing", "date or datetime", "1e10", "input is too short"));
  });

  it("1.5e3 is one", async () => {
    expect(await get("/q/dt?v=1.5e3")).toEqual({ status: 200, body: { v: "1970-01-01T00:25:00+00:00" } });
  });
});

describe("a duration without a `d` and of five bytes or more is a time of any number of hours", () => {
  it("3600.5 is no such time", async () => {
    expect(await get("/q/td?v=3600.5")).toEqual(parsing("time_delta_parsing", "timedelta", "3600.5", "invalid character in hour"));
  });

  it("100:00:00 is 100 hours", async () => {
    expect(await get("/q/td?v=100:00:00")).toEqual({ status: 200, body: { v: 360000 } });
    expect(await get("/q/td?v=-100:00:00")).toEqual({ status: 200, body: { v: -360000 } });
  });

  it("the time after days stays under a day", async () => {
    expect(await get("/q/td?v=1d%2024:00")).toEqual(parsing("time_delta_parsing", "timedelta", "1d 24:00", "durations may not exceed 999,999,999 hours"));
  });
});
