// The vendor modules' source text, fetched from the site's own origin (never a CDN).
import type { VendorSources } from "./runner-protocol.ts";

/** Fetches each of `files` from `vendorUrl`; rejects, naming the file, when one does not load. */
export async function fetchVendorSources(vendorUrl: string, files: readonly string[]): Promise<VendorSources> {
  const entries = await Promise.all(
    files.map(async (file) => {
      const response = await fetch(new URL(file, vendorUrl));
      if (!response.ok) throw new Error(`${file} did not load (${response.status})`);
      return [file, await response.text()] as const;
    }),
  );
  return Object.fromEntries(entries);
}
