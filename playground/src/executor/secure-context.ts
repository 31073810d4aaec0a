// Browsers give WebCrypto (`crypto.subtle`) only to secure contexts: pages served over https:// or from
// localhost. On a site served over plain http on a LAN it is missing, and code that signs or verifies
// tokens (the JWT examples, with jose) would fail with "Cannot read properties of undefined (reading
// 'importKey')". The app's worker gets a `crypto.subtle` that, when used, says why and what to do instead.

/** The one sentence a reader sees when code needs WebCrypto on a page that is not a secure context. */
export const WEBCRYPTO_NEEDS_SECURE_CONTEXT =
  "This code uses WebCrypto (crypto.subtle), which browsers offer only on pages served over HTTPS or from localhost: open this site over HTTPS, or at http://localhost, to run it.";

/** Installs the explaining `crypto.subtle` in `scope` when it has none because it is not a secure context. */
export function explainMissingWebCrypto(scope: { isSecureContext?: boolean; crypto?: Crypto } = globalThis): void {
  const crypto = scope.crypto;
  if (scope.isSecureContext !== false || !crypto || "subtle" in crypto) return;
  Object.defineProperty(Object.getPrototypeOf(crypto) as object, "subtle", {
    configurable: true,
    get(): never {
      throw new Error(WEBCRYPTO_NEEDS_SECURE_CONTEXT);
    },
  });
}

/** Whether a project's code uses WebCrypto: it imports jose (which signs with it) or calls `crypto.subtle`. */
export function usesWebCrypto(files: Record<string, string>): boolean {
  return Object.values(files).some((code) => /\bfrom\s+["']jose["']|\bcrypto\.subtle\b/.test(code));
}
