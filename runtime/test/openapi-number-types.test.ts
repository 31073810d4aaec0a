import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FastAPI } from "../src/index.ts";

// pydantic types a literal or an enum by its values' Python types; the expectations are FastAPI 0.142's document
// for `Literal[1, 2]`, `Literal[1]`, `Literal[1.5, 2]`, `Literal[1.5, 2.5]`, `Literal[1, "x"]` and `IntEnum`.

describe("the JSON Schema type of numeric literals and enums", () => {
  const app = new FastAPI();
  app.get("/l", {
    params: {
      a: z.literal([1, 2]), b: z.literal(1), c: z.literal([1.5, 2]), d: z.literal([1.5, 2.5]), e: z.literal([1, "x"]),
      n: z.enum({ A: 1, B: 2 }).meta({ id: "Num" }), f: z.enum({ A: 1.5, B: 2 }),
    },
  }, function l() {
    return {};
  });
  const doc = app.openapi() as unknown as {
    paths: Record<string, { get: { parameters: { name: string; schema: Record<string, unknown> }[] } }>;
    components: { schemas: Record<string, Record<string, unknown>> };
  };
  const schemaOf = (name: string) => doc.paths["/l"]!.get.parameters.find((p) => p.name === name)!.schema;

  it("types integers as integer, fractions as number, and a mix of the two not at all", () => {
    expect(schemaOf("a")).toEqual({ type: "integer", enum: [1, 2], title: "A" });
    expect(schemaOf("b")).toEqual({ type: "integer", const: 1, title: "B" });
    expect(schemaOf("c")).toEqual({ enum: [1.5, 2], title: "C" });
    expect(schemaOf("d")).toEqual({ type: "number", enum: [1.5, 2.5], title: "D" });
    expect(schemaOf("e")).toEqual({ enum: [1, "x"], title: "E" });
  });

  it("does the same for enums", () => {
    expect(doc.components.schemas.Num).toEqual({ type: "integer", enum: [1, 2], title: "Num" });
    expect(schemaOf("f")).toEqual({ enum: [1.5, 2], title: "F" });
  });
});
