// The per-request shortcuts of issue 17 against the general code they stand for: each shortcut must give exactly
// what the general rule gives, on random and hostile inputs. The general rules are written out here as they were
// before the shortcut, so that a later change to either side is caught.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z, type ZodType } from "zod";
import { parseFloat_, parseInt_ } from "../src/params/coerce.ts";
import { mayAddMembers } from "../src/validation/received.ts";
import { Request, splitPlainQuery } from "../src/request.ts";

/** pydantic's lax integer rule, as `parseInt_` applies it to anything but plain digits (`"1."` is not an int). */
function generalInt(raw: string): number | string {
  const v = raw.trim();
  return /^[+-]?\d+(?:_\d+)*(?:\.0+)?$/.test(v) ? Number(v.replace(/_/g, "").replace(/\.0+$/, "")) : raw;
}

/** pydantic's lax float rule, as `parseFloat_` applies it to anything but plain digits. */
function generalFloat(raw: string): number | string {
  const v = raw.trim();
  return /^[+-]?(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(v) ? Number(v.replace(/_/g, "")) : raw;
}

/** Strings made of what numbers are written with, and what they must not hold. */
const numberish = fc.string({ unit: fc.constantFrom(..."0123456789", "0", "9", " ", "\t", "\n", "\u00a0", "+", "-", "_", ".", "e", "E", "x", "١", "٣", "０"), maxLength: 24 });

describe("integer and float parameters: the digits shortcut", () => {
  it("gives what the general rule gives, on random strings", () => {
    fc.assert(fc.property(fc.oneof(numberish, fc.string(), fc.stringMatching(/^\d{1,40}$/)), (raw) => {
      expect(parseInt_(raw)).toStrictEqual(generalInt(raw));
      expect(parseFloat_(raw)).toStrictEqual(generalFloat(raw));
    }), { numRuns: 5000 });
  });

  it("on the edges", () => {
    for (const raw of ["", "0", "00", "007", "42", " 42", "42 ", "+42", "-0", "1_000", "3.0", "3.", "9007199254740993", "9".repeat(400), "１２", "٤٢"]) {
      expect(parseInt_(raw), raw).toStrictEqual(generalInt(raw));
      expect(parseFloat_(raw), raw).toStrictEqual(generalFloat(raw));
    }
  });
});

describe("excludeUnset's record: schemas that cannot add members are not walked", () => {
  const Dim = z.object({ width: z.number(), unit: z.enum(["cm", "in"]) });
  /** Schemas whose output keeps its input's members, by `mayAddMembers`. */
  const keeping: Record<string, ZodType> = {
    item: z.object({ name: z.string(), description: z.string().nullable().optional(), price: z.number(), tags: z.array(z.string()), dimensions: Dim }),
    loose: z.looseObject({ a: z.int().optional() }),
    strict: z.strictObject({ a: z.string().optional(), b: z.array(Dim).optional() }),
    record: z.record(z.string(), Dim.optional()),
    union: z.union([Dim, z.object({ other: z.boolean().optional() }), z.null()]),
    tuple: z.tuple([Dim, z.string()], z.object({ r: z.int().optional() })),
    anything: z.object({ x: z.any(), y: z.unknown(), z: z.date().optional() }),
    intersection: z.intersection(z.object({ a: z.string().optional() }), z.object({ b: z.int().optional() })),
  };
  /** Schemas that can add members (a default, a transform…), at some depth. */
  const adding: Record<string, ZodType> = {
    topDefault: z.object({ a: z.string(), tax: z.number().default(0) }),
    nestedDefault: z.object({ d: z.object({ unit: z.string().default("cm") }).optional() }),
    inArray: z.array(z.object({ q: z.int().prefault(1) })),
    inUnion: z.union([z.object({ a: z.string().catch("x") }), z.null()]),
    transform: z.object({ a: z.string() }).transform((v) => ({ ...v, added: true })),
    recordKeys: z.record(z.string().transform((k) => k.toUpperCase()), z.int()),
    lazy: z.lazy(() => z.object({ a: z.string() })),
  };

  it("says which schemas can add members", () => {
    for (const [name, s] of Object.entries(keeping)) expect(mayAddMembers(s), name).toBe(false);
    for (const [name, s] of Object.entries(adding)) expect(mayAddMembers(s), name).toBe(true);
  });

  it("a schema said to keep its members never outputs one its input lacked, on random inputs", () => {
    const keys = ["name", "description", "price", "tags", "dimensions", "width", "unit", "a", "b", "x", "y", "z", "other", "r", "left", "right"];
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, fc.constantFrom(null, true, 1, 2.5, -1, "cm", "in", "s", ""), fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom(...keys), tie("value"), { maxKeys: 6 })),
    })).value;
    const input = fc.oneof(json, fc.record({ name: fc.string(), price: fc.double({ noNaN: true }), tags: fc.array(fc.string()), dimensions: fc.record({ width: fc.double({ noNaN: true }), unit: fc.constantFrom("cm", "in") }) }, { requiredKeys: [] }));
    let accepted = 0;
    fc.assert(fc.property(fc.constantFrom(...Object.values(keeping)), input, (schema, raw) => {
      const r = schema.safeParse(raw);
      if (!r.success) return;
      accepted++;
      // What excludeUnset gives must be a plain copy: the output has only members the input had.
      expect(onlySent(r.data, raw), JSON.stringify(raw)).toBe(true);
    }), { numRuns: 4000 });
    expect(accepted).toBeGreaterThan(200);
  });
});

/** Whether every member of `value`, at every depth, is one `raw` had (the walk `rememberReceived` skips). */
function onlySent(value: unknown, raw: unknown): boolean {
  if (Array.isArray(value)) return Array.isArray(raw) ? value.every((v, i) => onlySent(v, raw[i])) : true;
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return true;
  if (raw === null || typeof raw !== "object" || Object.getPrototypeOf(raw) !== Object.prototype) return true;
  return Object.keys(value).every((k) => k in raw && onlySent((value as Record<string, unknown>)[k], (raw as Record<string, unknown>)[k]));
}

describe("query parameters: the plain-query split", () => {
  /** Every name's values by `URLSearchParams`, in first-seen order, as the solver reads them (`getAll`). */
  function byUrlSearchParams(query: string): [string, string[]][] {
    const p = new URLSearchParams(query);
    return [...new Set(p.keys())].map((k) => [k, p.getAll(k)]);
  }
  const piece = fc.string({ unit: fc.constantFrom(..."abcXYZ019-_.~!$'()*,;:@/?=&", "&", "=", "%", "%2", "%41", "%zz", "%E2%82%AC", "%C3", "+", " ", "#", "é", "€", "\u0000", "\u007f", "\ud83d\ude00", "\ud800"), maxLength: 30 });

  it("gives URLSearchParams's names and values, or leaves the query to it, on random and hostile strings", () => {
    fc.assert(fc.property(fc.oneof(piece, fc.string(), fc.stringMatching(/^[a-z=&?]{0,12}$/)), (query) => {
      const split = splitPlainQuery(query);
      if (split === null) {
        expect(/[%+\s\u0000-\u0020\u007f-\uffff]/.test(query), query).toBe(true);
        return;
      }
      expect([...split], query).toStrictEqual(byUrlSearchParams(query));
    }), { numRuns: 5000 });
  });

  it("on the edges, and through a request (the raw URL, or URLSearchParams once built or changed)", () => {
    for (const q of ["", "?", "??a=1", "a", "a=", "=a", "=", "&&", "a=1&a=2&b", "a==b&c=d=e", "x=1&&y=2&", "a=%41", "a=b+c", "q=hello&limit=7"]) {
      const split = splitPlainQuery(q);
      if (split !== null) expect([...split], q).toStrictEqual(byUrlSearchParams(q));
      const r = new Request({ method: "GET", url: `http://t/p?${q}#frag=1`, headers: new Headers(), body: null });
      for (const [name, values] of byUrlSearchParams(q)) expect(r.queryAll(name), `${q} ${name}`).toStrictEqual(values);
      expect(r.queryAll("frag")).toStrictEqual([]);
    }
    const r = new Request({ method: "GET", url: "http://t/p?a=1&a=2", headers: new Headers(), body: null });
    expect(r.queryAll("a")).toStrictEqual(["1", "2"]);
    r.queryAll("a").push("3"); // a copy: the request's own values are not changed
    expect(r.queryAll("a")).toStrictEqual(["1", "2"]);
    r.queryParams.set("a", "changed");
    expect(r.queryAll("a")).toStrictEqual(["changed"]);
  });
});
