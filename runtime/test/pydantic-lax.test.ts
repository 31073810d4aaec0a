import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Duration, FastAPI, Path, Query, TestClient, timedelta } from "../src/index.ts";

// Each expectation is the answer of FastAPI 0.142 / pydantic 2.13 to the same request (the twin app is in the
// comments: field for field the same types).

const app = new FastAPI();
// class Req(BaseModel): kind: Literal["a", "b"]; color: Color; u: int | str
const Req = z.object({ kind: z.literal(["a", "b"]), color: z.enum(["red", "green"]), u: z.union([z.int(), z.string()]) });
app.post("/missing", { params: { m: Req } }, function missing({ m }) { return m; });
// class Lax(BaseModel): i: int = 0; f: float = 0; u: int | str = 0; d: timedelta = timedelta(0); l: Literal[1, 2] = 2;
//                        b: bool = False; n: int = 0; id: UUID | None = None
const Lax = z.object({
  i: z.int().default(0), f: z.number().default(0), u: z.union([z.int(), z.string()]).default(0), d: timedelta().default(() => Duration.fromSeconds(0)),
  l: z.literal([1, 2]).default(2), b: z.boolean().default(false), n: z.int().default(0), id: z.uuid().nullable().default(null),
});
app.post("/lax", { params: { m: Lax }, responseModel: Lax }, function lax({ m }) { return m; });
app.get("/q/int", { params: { v: z.int() } }, function q_int({ v }) { return { v }; });
app.get("/q/bool", { params: { v: z.boolean() } }, function q_bool({ v }) { return { v }; });
app.get("/q/litint", { params: { v: z.literal([1, 2]) } }, function q_litint({ v }) { return { v }; });
app.get("/q/listlen", { params: { v: Query(z.array(z.int()).min(2).max(3)) } }, function q_listlen({ v }) { return { v }; });
app.get("/p/{v}", { params: { v: Path(z.int().lte(10)) } }, function p({ v }) { return { v }; });
app.get("/q/uuid", { params: { v: z.uuid() } }, function q_uuid({ v }) { return { v }; });
const client = new TestClient(app);

const detail = async (url: string, body?: unknown) => {
  const r = body === undefined ? await client.get(url) : await client.post(url, { json: body });
  expect(r.status).toBe(422);
  return (r.json() as { detail: unknown[] }).detail;
};
const ok = async (url: string, body?: unknown) => {
  const r = body === undefined ? await client.get(url) : await client.post(url, { json: body });
  expect(r.status).toBe(200);
  return r.json();
};

describe("a missing field is `missing` whatever its type", () => {
  it("literal, enum and union fields absent from the body", async () => {
    expect(await detail("/missing", {})).toEqual([
      { type: "missing", loc: ["body", "kind"], msg: "Field required", input: {} },
      { type: "missing", loc: ["body", "color"], msg: "Field required", input: {} },
      { type: "missing", loc: ["body", "u"], msg: "Field required", input: {} },
    ]);
  });
});

describe("pydantic's lax mode for JSON bodies", () => {
  it("reads true/false as 1/0 for int, float, int | str, timedelta and Literal[1, 2]", async () => {
    expect(await ok("/lax", { i: true, f: true, u: true, d: true, l: true }))
      .toEqual({ i: 1, f: 1, u: 1, d: "PT1S", l: 1, b: false, n: 0, id: null });
    expect(await ok("/lax", { i: false, f: false, u: false, d: false }))
      .toEqual({ i: 0, f: 0, u: 0, d: "PT0S", l: 2, b: false, n: 0, id: null });
  });

  it("a whole number other than 0/1 for a bool is bool_parsing, a fraction bool_type", async () => {
    expect(await detail("/lax", { b: 2 })).toEqual([{ type: "bool_parsing", loc: ["body", "b"], msg: "Input should be a valid boolean, unable to interpret input", input: 2 }]);
    expect(await detail("/lax", { b: -3 })).toEqual([{ type: "bool_parsing", loc: ["body", "b"], msg: "Input should be a valid boolean, unable to interpret input", input: -3 }]);
    expect(await detail("/lax", { b: 0.5 })).toEqual([{ type: "bool_type", loc: ["body", "b"], msg: "Input should be a valid boolean", input: 0.5 }]);
  });

  it("an int past 64 bits from a JSON float is int_parsing_size", async () => {
    for (const n of [1e20, -1e20]) {
      expect(await detail("/lax", { n })).toEqual([{ type: "int_parsing_size", loc: ["body", "n"], msg: "Unable to parse input string as an integer, exceeded maximum size", input: n }]);
    }
  });
});

describe("strings from the path, query, headers, cookies and forms", () => {
  it('"1." is not an int ("1.0" and "1.00" are)', async () => {
    expect(await detail("/q/int?v=1.")).toEqual([{ type: "int_parsing", loc: ["query", "v"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "1." }]);
    expect(await ok("/q/int?v=1.0")).toEqual({ v: 1 });
    expect(await ok("/q/int?v=1.00")).toEqual({ v: 1 });
  });

  it("a boolean is not trimmed", async () => {
    for (const v of [" true", "true "]) {
      expect(await detail(`/q/bool?v=${encodeURIComponent(v)}`)).toEqual([{ type: "bool_parsing", loc: ["query", "v"], msg: "Input should be a valid boolean, unable to interpret input", input: v }]);
    }
  });

  it('the string "1" is not Literal[1, 2]', async () => {
    expect(await detail("/q/litint?v=1")).toEqual([{ type: "literal_error", loc: ["query", "v"], msg: "Input should be 1 or 2", input: "1", ctx: { expected: "1 or 2" } }]);
  });
});

describe("a list's length and its items", () => {
  it("min_length is checked only when every item is valid", async () => {
    expect(await detail("/q/listlen?v=1&v=x")).toEqual([{ type: "int_parsing", loc: ["query", "v", 1], msg: "Input should be a valid integer, unable to parse string as an integer", input: "x" }]);
    expect(await detail("/q/listlen?v=x")).toEqual([{ type: "int_parsing", loc: ["query", "v", 0], msg: "Input should be a valid integer, unable to parse string as an integer", input: "x" }]);
    expect(await detail("/q/listlen?v=1")).toEqual([{ type: "too_short", loc: ["query", "v"], msg: "List should have at least 2 items after validation, not 1", input: ["1"], ctx: { field_type: "List", min_length: 2, actual_length: 1 } }]);
  });

  it("max_length, past which the items are not read, is the only error", async () => {
    expect(await detail("/q/listlen?v=1&v=x&v=3&v=4")).toEqual([{ type: "too_long", loc: ["query", "v"], msg: "List should have at most 3 items after validation, not 4", input: ["1", "x", "3", "4"], ctx: { field_type: "List", max_length: 3, actual_length: 4 } }]);
  });
});

describe("z.int()'s safe-integer bound is not pydantic's", () => {
  it("the user's bound is reported", async () => {
    expect(await detail("/p/9999999999999999999999")).toEqual([{ type: "less_than_equal", loc: ["path", "v"], msg: "Input should be less than or equal to 10", input: "9999999999999999999999", ctx: { le: 10 } }]);
  });
});

describe("UUIDs", () => {
  it("any form pydantic reads answers in the canonical form", async () => {
    expect(await ok("/q/uuid?v=6BA7B8109DAD11D180B400C04FD430C8")).toEqual({ v: "6ba7b810-9dad-11d1-80b4-00c04fd430c8" });
    expect(await ok("/q/uuid?v=urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toEqual({ v: "6ba7b810-9dad-11d1-80b4-00c04fd430c8" });
    expect(await ok("/lax", { id: "{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}" })).toMatchObject({ id: "6ba7b810-9dad-11d1-80b4-00c04fd430c8" });
  });

  it("pydantic 2.13's error texts", async () => {
    const cases: [string, string][] = [
      ["not-a-uuid", "invalid character: found `n` at 1"],
      ["éx", "invalid character: found `é` at 1"],
      ["{1234}", "invalid group count: expected 5, found 1"],
      ["{6ba7b810-9dad-11d1-80b4-00c04fd430c8", "invalid character: found `{` at 1"],
      ["6ba7b810-9dad-11d1-80b4-00c04fd430c", "invalid group length in group 4: expected 12, found 11"],
    ];
    for (const [v, error] of cases) {
      expect(await detail(`/q/uuid?v=${encodeURIComponent(v)}`)).toEqual([{ type: "uuid_parsing", loc: ["query", "v"], msg: `Input should be a valid UUID, ${error}`, input: v, ctx: { error } }]);
    }
    expect(await detail("/lax", { id: "urn:uuid:x" })).toEqual([{ type: "uuid_parsing", loc: ["body", "id"], msg: "Input should be a valid UUID, invalid character: found `x` at 10", input: "urn:uuid:x", ctx: { error: "invalid character: found `x` at 10" } }]);
  });

  it("a value that is not a string is uuid_type", async () => {
    expect(await detail("/lax", { id: 5 })).toEqual([{ type: "uuid_type", loc: ["body", "id"], msg: "UUID input should be a string, bytes or UUID object", input: 5 }]);
  });
});
