// zod codecs in models: a field whose JSON form differs from the value the handler works with (base64 text ↔ bytes).
// Input is decoded by parsing as usual; a response model holding a codec is serialised by encoding, so the handler
// returns bytes and the client receives base64.
import { z, type ZodType } from "zod";
import { defOf } from "./params/introspect.ts";

/** `true` for a zod codec (`z.codec(...)`): a pipe that can run backwards. */
export function isCodec(schema: ZodType): boolean {
  const d = defOf(schema) as { type: string; reverseTransform?: unknown };
  return d.type === "pipe" && typeof d.reverseTransform === "function";
}

const found = new WeakMap<ZodType, boolean>();

/** Whether a codec appears anywhere in `schema` (object fields, arrays, optionals, unions…). */
export function containsCodec(schema: ZodType): boolean {
  let known = found.get(schema);
  if (known === undefined) {
    found.set(schema, false); // a recursive schema's cycle ends here
    known = walk(schema);
    found.set(schema, known);
  }
  return known;
}

function walk(schema: ZodType): boolean {
  if (isCodec(schema)) return true;
  const d = defOf(schema) as unknown as Record<string, unknown>;
  const children: unknown[] = [];
  if (d.shape && typeof d.shape === "object") children.push(...Object.values(d.shape as Record<string, unknown>));
  for (const key of ["innerType", "element", "in", "out", "valueType", "keyType", "catchall", "left", "right"]) children.push(d[key]);
  if (Array.isArray(d.options)) children.push(...d.options);
  if (Array.isArray(d.items)) children.push(...d.items);
  if (d.type === "lazy" && typeof d.getter === "function") children.push((d.getter as () => unknown)());
  return children.some((c) => c instanceof z.ZodType && containsCodec(c));
}

/**
 * Binary data carried in JSON as Base64 text (pydantic's `bytes` with `val_json_bytes`/`ser_json_bytes` set to
 * `"base64"`). In a request body, the Base64 text is checked and decoded: the handler receives a `Uint8Array`. In a
 * response model, a `Uint8Array` is encoded to Base64. Documented as
 * `{"type": "string", "contentEncoding": "base64", "contentMediaType": "application/octet-stream"}`.
 *
 * @example
 * ```ts
 * const DataInput = z.object({ description: z.string(), data: base64Bytes() }).meta({ id: "DataInput" });
 * ```
 */
export function base64Bytes(): z.ZodCodec<z.ZodBase64, z.ZodCustom<Uint8Array, Uint8Array>> {
  return z.codec(z.base64(), z.instanceof(Uint8Array), {
    decode: (text) => z.util.base64ToUint8Array(text),
    encode: (bytes) => z.util.uint8ArrayToBase64(bytes),
  }).meta({ contentMediaType: "application/octet-stream" });
}
