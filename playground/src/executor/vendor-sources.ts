// The vendor modules' source text, fetched from the site's own origin (never a CDN).
import type { VendorSources } from "./runner-protocol.ts";

async function fetchAll<T>(vendorUrl: string, files: readonly string[], read: (response: Response) => Promise<T>): Promise<Record<string, T>> {
  const entries = await Promise.all(
    files.map(async (file) => {
      const response = await fetch(new URL(file, vendorUrl));
      if (!response.ok) throw new Error(`${file} did not load (${response.status})`);
      return [file, await read(response)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Fetches each of `files` from `vendorUrl`; rejects, naming the file, when one does not load. */
export function fetchVendorSources(vendorUrl: string, files: readonly string[]): Promise<VendorSources> {
  return fetchAll(vendorUrl, files, (response) => response.text());
}

/** Fetches the WebAssembly binaries vendor modules instantiate (handed to the sandbox, which fetches nothing). */
export function fetchVendorWasm(vendorUrl: string, files: readonly string[]): Promise<Record<string, ArrayBuffer>> {
  return fetchAll(vendorUrl, files, (response) => response.arrayBuffer());
}
