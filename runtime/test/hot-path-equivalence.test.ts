// The per-request shortcuts of issue 17 against the general code they stand for: each shortcut must give exactly
// what the general rule gives, on random and hostile inputs. The general rules are written out here as they were
// before the shortcut, so that a later change to either side is caught.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFloat_, parseInt_ } from "../src/params/coerce.ts";

/** pydantic's lax integer rule, as `parseInt_` applies it to anything but plain digits. */
function generalInt(raw: string): number | string {
  const v = raw.trim();
  return /^[+-]?\d+(?:_\d+)*(?:\.0*)?$/.test(v) ? Number(v.replace(/_/g, "").replace(/\.0*$/, "")) : raw;
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
