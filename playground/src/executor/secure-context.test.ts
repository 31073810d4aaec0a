import { describe, expect, it } from "vitest";
import { explainMissingWebCrypto, usesWebCrypto, WEBCRYPTO_NEEDS_SECURE_CONTEXT } from "./secure-context.ts";

class FakeCrypto {
  getRandomValues<T extends ArrayBufferView>(array: T): T {
    return array;
  }
}

describe("WebCrypto outside a secure context", () => {
  it("explains itself, with the fix, when code reaches for crypto.subtle", () => {
    const crypto = new FakeCrypto() as unknown as Crypto;
    explainMissingWebCrypto({ isSecureContext: false, crypto });
    expect(() => crypto.subtle.importKey).toThrow(WEBCRYPTO_NEEDS_SECURE_CONTEXT);
    expect(WEBCRYPTO_NEEDS_SECURE_CONTEXT).toMatch(/HTTPS.*localhost/);
    // What works everywhere keeps working.
    expect(crypto.getRandomValues(new Uint8Array(2))).toHaveLength(2);
    delete (FakeCrypto.prototype as { subtle?: unknown }).subtle;
  });

  it("leaves a secure context's WebCrypto alone", () => {
    const subtle = globalThis.crypto.subtle;
    explainMissingWebCrypto({ isSecureContext: true, crypto: globalThis.crypto });
    explainMissingWebCrypto({ isSecureContext: false, crypto: globalThis.crypto });
    expect(globalThis.crypto.subtle).toBe(subtle);
  });

  it("knows which projects use WebCrypto", () => {
    expect(usesWebCrypto({ "main.ts": 'import { SignJWT } from "jose";' })).toBe(true);
    expect(usesWebCrypto({ "main.ts": "", "auth.ts": "await crypto.subtle.digest('SHA-256', data);" })).toBe(true);
    expect(usesWebCrypto({ "main.ts": 'import { FastAPI } from "fastapi-ts";' })).toBe(false);
  });
});
