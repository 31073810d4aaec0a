/**
 * A streaming `application/x-www-form-urlencoded` reader: pairs are decoded as their `&` arrives and counted against
 * `maxFields` before they are decoded, so a body of millions of pairs is refused after the first thousand, not
 * after building them all.
 * @packageDocumentation
 */
import { concatBytes } from "../bytes.ts";
import { tooManyFields } from "./limits.ts";

const AMP = 38;
const utf8 = new TextDecoder();

/** Collects the pairs of a urlencoded body fed chunk by chunk, as `URLSearchParams` decodes them. */
export class UrlencodedReader {
  readonly #maxFields: number;
  readonly #form = new FormData();
  #fields = 0;
  #rest: Uint8Array[] = [];

  constructor(maxFields: number) {
    this.#maxFields = maxFields;
  }

  /** Takes the next chunk; throws 400 when the body has more fields than allowed. */
  push(chunk: Uint8Array): void {
    const last = chunk.lastIndexOf(AMP);
    if (last === -1) {
      this.#rest.push(chunk.slice());
      return;
    }
    // `&` is never part of a multi-byte UTF-8 sequence: splitting there is safe.
    this.#count(chunk, last);
    const complete = this.#rest.length ? concatBytes([...this.#rest, chunk.subarray(0, last)]) : chunk.subarray(0, last);
    this.#rest = last + 1 < chunk.length ? [chunk.slice(last + 1)] : [];
    this.#decode(complete);
  }

  /** Decodes what is left and returns the form. */
  finish(): FormData {
    if (this.#rest.length) {
      const tail = concatBytes(this.#rest);
      this.#rest = [];
      this.#count(tail, tail.length);
      this.#decode(tail);
    }
    return this.#form;
  }

  // Counts the pairs in the leftover bytes and bytes[0, to) before any is decoded (empty ones, as in `a&&b`, are none).
  #count(bytes: Uint8Array, to: number): void {
    let n = 0;
    let open = this.#rest.some((r) => r.length > 0);
    for (let i = 0; i < to;) {
      const amp = bytes.indexOf(AMP, i);
      if (amp === -1 || amp >= to) {
        open = true;
        break;
      }
      if (open || amp > i) n++;
      open = false;
      i = amp + 1;
    }
    if (open) n++;
    if (this.#fields + n > this.#maxFields) throw tooManyFields(this.#maxFields);
  }

  #decode(bytes: Uint8Array): void {
    for (const [k, v] of new URLSearchParams(utf8.decode(bytes))) {
      this.#fields++;
      this.#form.append(k, v);
    }
  }
}
