// sql.js as examples import it in the browser (`import initSqlJs from "sql.js"`). In Node, sql.js reads
// its wasm file from node_modules; in the sandboxed app worker it cannot fetch, so SQLite's binary is the
// one the page handed to the worker (see executor/vendor-wasm.ts).
import initSqlJs from "sql.js";
import { vendorWasm } from "../executor/vendor-wasm.ts";

type SqlJsConfig = NonNullable<Parameters<typeof initSqlJs>[0]>;

export default function initSqlJsWithVendorWasm(config: SqlJsConfig = {}): ReturnType<typeof initSqlJs> {
  return initSqlJs({ wasmBinary: vendorWasm("sql-wasm.wasm"), ...config });
}
