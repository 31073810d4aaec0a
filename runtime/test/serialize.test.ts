// The compiled serializer of response models (routing/serialize.ts) against the general path (validate, filter,
// encode, JSON.stringify) on random values: the same JSON text for every value the model accepts, and the general
// path's error for every value it leaves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z, type ZodType } from "zod";
import { APIRoute, FastAPI, ResponseValidationError } from "../src/index.ts";
import { defOf, isIntSchema, isStrictObject } from "../src/params/introspect.ts";
import { laxCoercerFor } from "../src/params/coerce.ts";
import { compileSerializer } from "../src/routing/serialize.ts";
import { parserOf } from "../src/validation/compiled.ts";
import { withServer } from "./helpers.ts";

const Dimensions = z.object({ width: z.number().positive(), height: z.number().positive(), unit: z.enum(["cm", "in"]) });

/** Plain JSON models, each exercising a kind of schema the compiler accepts. */
const models: Record<string, ZodType> = {
  item: z.object({
    id: z.int(), name: z.string().min(1).max(20), price: z.number(), price_with_tax: z.number(),
    tags: z.array(z.string().max(5)).max(4), dimensions: Dimensions,
  }),
  optionals: z.object({
    a: z.string().optional(), b: z.number().nullable(), c: z.int().min(0).default(3), d: z.array(z.boolean()).default(() => []),
    e: z.string().nullable().optional(), f: z.literal(["x", 1, true, null]).optional(),
  }),
  unions: z.object({
    u: z.union([z.string(), z.int(), z.null()]),
    pet: z.discriminatedUnion("kind", [z.object({ kind: z.literal("cat"), lives: z.int() }), z.object({ kind: z.literal("dog"), good: z.boolean() })]),
  }),
  containers: z.object({
    t: z.tuple([z.string(), z.number()]), r: z.record(z.string(), z.int()), s: z.strictObject({ k: z.string() }),
    i: z.intersection(z.object({ x: z.int() }), z.object({ y: z.string() })),
  }),
  list: z.array(z.object({ n: z.int(), label: z.string().trim().optional() })),
  scalar: z.string().max(10),
};

/** Random values for a schema: mostly of its shape (with unknown keys to strip), sometimes anything at all. */
function arbitraryOf(schema: ZodType, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema) as ReturnType<typeof defOf> & { rest?: ZodType | null };
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (d.type) {
      // Mostly within the models' bounds (strings of 1–5 characters, positive numbers), sometimes outside.
      case "string": return fc.oneof({ weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 5, unit: "grapheme" }) }, fc.string({ maxLength: 30 }));
      case "number":
        return isIntSchema(schema) ? fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 1000 }) }, fc.double())
          : fc.oneof({ weight: 5, arbitrary: fc.double({ min: 0.5, max: 1e6, noNaN: true }) }, fc.double(), fc.integer());
      case "boolean": return fc.boolean();
      case "null": return fc.constant(null);
      case "enum": return fc.constantFrom(...Object.values(d.entries!));
      case "literal": return fc.constantFrom(...d.values!);
      case "optional": return fc.option(arbitraryOf(d.innerType!, depth + 1), { nil: undefined });
      case "nullable": return fc.option(arbitraryOf(d.innerType!, depth + 1), { nil: null });
      case "default": return fc.option(arbitraryOf(d.innerType!, depth + 1), { nil: undefined });
      case "array": return fc.array(arbitraryOf(d.element!, depth + 1), { maxLength: 5 });
      case "tuple": return fc.tuple(...d.items!.map((s) => arbitraryOf(s, depth + 1)));
      case "record": return fc.dictionary(fc.string({ maxLength: 4 }), arbitraryOf(d.valueType!, depth + 1), { maxKeys: 4 });
      case "union": return fc.oneof(...d.options!.map((s) => arbitraryOf(s, depth + 1)));
      case "intersection":
        return fc.tuple(arbitraryOf(d.left!, depth + 1), arbitraryOf(d.right!, depth + 1))
          .map(([a, b]) => (a !== null && typeof a === "object" && b !== null && typeof b === "object" ? { ...a, ...b } : a));
      case "object": {
        const fields = fc.record(Object.fromEntries(Object.entries(d.shape!).map(([k, s]) => [k, arbitraryOf(s, depth + 1)])), {
          requiredKeys: Object.keys(d.shape!).filter(() => true),
        });
        // Unknown keys, which the model drops (a strict model rejects them).
        const extra = isStrictObject(schema) ? fc.constant({}) : fc.dictionary(fc.constantFrom("internal", "secret", "id2"), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 });
        // Sometimes a class instance (pydantic's from_attributes: a model reads an object's fields).
        return fc.tuple(fields, extra, fc.boolean()).map(([f, e, asInstance]) => {
          const plain = { ...e, ...f };
          return asInstance ? Object.assign(new (class Row {})(), plain) : plain;
        });
      }
      default: return fc.anything();
    }
  })();
  return fc.oneof({ weight: depth === 0 ? 10 : 60, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything() });
}

/** The general path: what an `APIRoute` sends without the compiled serializer (`serialize` is that path). */
async function generalText(model: ZodType, value: unknown): Promise<{ text: string } | { error: unknown }> {
  const route = new APIRoute("/x", ["GET"], () => null, { responseModel: model });
  try {
    return { text: JSON.stringify(await route.serialize(value)) };
  } catch (error) {
    return { error };
  }
}

describe("compiled response serializer", () => {
  for (const [name, model] of Object.entries(models)) {
    it(`writes what the general path writes, and leaves it what it rejects (${name})`, async () => {
      const compiled = compileSerializer(model);
      expect(compiled).not.toBeNull();
      let accepted = 0;
      await fc.assert(fc.asyncProperty(arbitraryOf(model), async (value) => {
        const general = await generalText(model, value);
        const text = compiled!(value);
        if (text === undefined) {
          // The general path validates in pydantic's lax mode: what it accepts that the compiled one left, it
          // accepts once converted (a numeric string for a number…), and writes as the compiled one writes that.
          const laxed = laxCoercerFor(model)?.(value) ?? value;
          if ("text" in (general as object) && laxed !== value) {
            expect(general).toEqual({ text: compiled!(laxed) });
            return;
          }
          expect(general).toHaveProperty("error");
          expect((general as { error: unknown }).error).toBeInstanceOf(ResponseValidationError);
        } else {
          accepted++;
          expect(general).toEqual({ text });
        }
      }), { numRuns: 300 });
      // The generated values are mostly valid: the comparison of texts is what is exercised.
      expect(accepted).toBeGreaterThan(30);
    });
  }

  it("is not compiled for models whose output is not plain JSON", () => {
    const refused: ZodType[] = [
      z.date(), z.object({ at: z.date() }), z.string().transform((s) => s.length), z.any(), z.unknown(), z.looseObject({ a: z.string() }),
      z.object({ n: z.bigint() }), z.set(z.string()), z.map(z.string(), z.int()), z.string().catch("x"),
      z.object({ d: z.object({ a: z.string() }).default(() => ({ a: new Date() as unknown as string })) }),
      z.lazy(() => z.string()), z.custom<string>(() => true), z.codec(z.string(), z.int(), { decode: Number, encode: String }),
    ];
    for (const model of refused) expect(compileSerializer(model), defOf(model).type).toBeNull();
  });

  it("sends the same bytes as the general path, through app.fetch and a real Node server", async () => {
    const Item = models.item!;
    /** The general path: overriding `serialize` turns the compiled serializer off. */
    class GeneralRoute extends APIRoute {
      override serialize(raw: unknown): Promise<unknown> {
        return super.serialize(raw);
      }
    }
    const valid = { id: 3, name: "Widget", price: 2, price_with_tax: 2.5, tags: ["a"], dimensions: { width: 1, height: 2, unit: "cm" }, secret: 1 };
    const invalid = { ...valid, dimensions: { width: -1 } };
    const app = new FastAPI();
    const general = new FastAPI({ routeClass: GeneralRoute });
    for (const a of [app, general]) {
      a.get("/valid", { responseModel: Item }, () => valid);
      a.get("/invalid", { responseModel: Item }, () => invalid);
    }
    const answer = async (fetcher: (path: string) => Promise<globalThis.Response>, path: string) => {
      const r = await fetcher(path);
      return { status: r.status, type: r.headers.get("content-type"), length: r.headers.get("content-length"), body: await r.text() };
    };
    const viaFetch = (a: FastAPI) => (path: string) => a.fetch(new Request(`http://testserver${path}`));
    for (const path of ["/valid", "/invalid"]) {
      const expected = await answer(viaFetch(general), path);
      expect(await answer(viaFetch(app), path)).toEqual(expected);
      await withServer(app, async (base) => {
        const node = await answer((p) => fetch(base + p), path);
        expect({ ...node, length: null }).toEqual({ ...expected, length: null });
        if (path === "/valid") expect(node.length).toBe(String(Buffer.byteLength(expected.body)));
      });
    }
    expect(JSON.parse((await answer(viaFetch(app), "/valid")).body)).toEqual({
      id: 3, name: "Widget", price: 2, price_with_tax: 2.5, tags: ["a"], dimensions: { width: 1, height: 2, unit: "cm" },
    });
  });
});

describe("compiled validation (zod's compiler, validation/compiled.ts)", () => {
  const body = z.object({ name: z.string().min(1).max(100), description: z.string().max(500).nullable().optional(), price: z.number().positive(),
    tax: z.number().nonnegative().optional(), tags: z.array(z.string().max(30)).max(10), dimensions: Dimensions });
  for (const [name, schema] of Object.entries({ ...models, body, limit: z.int().min(1).max(100).default(10) })) {
    it(`gives the schema's own results: data, or the same issues (${name})`, () => {
      const parser = parserOf(schema);
      expect(parser).not.toBe(schema); // compiled here (Node allows code generation; zod has z.compile)
      fc.assert(fc.property(arbitraryOf(schema), (value) => {
        const options = { reportInput: true };
        expect(parser.safeParse(value, options as never)).toEqual(schema.safeParse(value, options as never));
      }), { numRuns: 300 });
    });
  }
});
