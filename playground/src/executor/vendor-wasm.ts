// WebAssembly binaries that provided modules instantiate (sql.js's SQLite). An app worker cannot fetch
// them itself (its sandbox allows no connections), so the page fetches them from our origin with the
// vendor sources, and the worker registers them here before it loads any provided module.

/** The binaries under the vendor URL that provided modules need, by file name. */
export const VENDOR_WASM_FILES = ["sql-wasm.wasm"] as const;

export type VendorWasmFile = (typeof VENDOR_WASM_FILES)[number];

/** The binaries each provided module instantiates, by module file. */
export const VENDOR_WASM_OF: Readonly<Record<string, readonly VendorWasmFile[]>> = { "sql-js.js": ["sql-wasm.wasm"] };

// A registry symbol, not a module variable: the worker and each vendor bundle carry their own copy of this module.
const REGISTRY = Symbol.for("fastapi-ts.vendor-wasm");
type Registry = { [REGISTRY]?: Partial<Record<VendorWasmFile, ArrayBuffer>> };

/** Makes the binaries the page handed over available to the provided modules loaded after this call. */
export function registerVendorWasm(files: Partial<Record<VendorWasmFile, ArrayBuffer>>): void {
  const registry = globalThis as Registry;
  registry[REGISTRY] = { ...registry[REGISTRY], ...files };
}

/** A registered binary; throws if the page did not provide it. */
export function vendorWasm(file: VendorWasmFile): ArrayBuffer {
  const bytes = (globalThis as Registry)[REGISTRY]?.[file];
  if (!bytes) throw new Error(`${file} was not loaded with the runtime`);
  return bytes;
}
