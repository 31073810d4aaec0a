import { describe, expect, it } from "vitest";
import { INSERTED_TEXT_MIN_LENGTH, typeSource } from "./type-source.ts";

describe("typeSource", () => {
  it("keeps a keystroke, and a few keys handed over together, on Monaco's typing rules", () => {
    expect(typeSource("(")).toBe("keyboard");
    expect(typeSource("f(")).toBe("keyboard");
    expect(typeSource("x".repeat(INSERTED_TEXT_MIN_LENGTH - 1))).toBe("keyboard");
  });

  it("inserts a line that came whole as one edit", () => {
    expect(typeSource('app.get("/items", async function items() { return []; });')).toBe("input");
    expect(typeSource("x".repeat(INSERTED_TEXT_MIN_LENGTH))).toBe("input");
  });

  it("counts characters, not UTF-16 units: an emoji typed with its keyboard is one keystroke", () => {
    expect(typeSource("👍".repeat(INSERTED_TEXT_MIN_LENGTH - 1))).toBe("keyboard");
  });
});
