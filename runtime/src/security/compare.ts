const encoder = new TextEncoder();

/**
 * Compares two secrets in time that does not depend on where they differ (Python's `secrets.compare_digest`),
 * so that an attacker cannot guess a password character by character from response times. Strings are compared
 * as UTF-8 bytes.
 *
 * @example
 * ```ts
 * const ok = compareDigest(credentials.username, "stanleyjobson") && compareDigest(credentials.password, "swordfish");
 * ```
 */
export function compareDigest(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const x = typeof a === "string" ? encoder.encode(a) : a;
  const y = typeof b === "string" ? encoder.encode(b) : b;
  const n = Math.max(x.length, y.length);
  let diff = x.length ^ y.length;
  for (let i = 0; i < n; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
