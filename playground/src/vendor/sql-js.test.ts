// The browser's sql.js module, run here on the binary the page would hand to the app worker.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { registerVendorWasm } from "../executor/vendor-wasm.ts";
import initSqlJs from "./sql-js.ts";

describe("sql.js for the app worker", () => {
  it("says so when the page did not provide SQLite's wasm", () => {
    registerVendorWasm({});
    expect(() => initSqlJs()).toThrow("sql-wasm.wasm was not loaded with the runtime");
  });

  it("runs SQLite from the provided binary, without locating a file", async () => {
    const file = await readFile(new URL("../../../node_modules/sql.js/dist/sql-wasm-browser.wasm", import.meta.url));
    registerVendorWasm({ "sql-wasm.wasm": file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) });
    // A locateFile that fails proves the binary came from the registry, not from a fetch or a file read.
    const SQL = await initSqlJs({ locateFile: () => "/nowhere/sql-wasm.wasm" });
    const db = new SQL.Database();
    db.run("CREATE TABLE hero (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO hero (name) VALUES ('Dead Pond')");
    expect(db.exec("SELECT id, name FROM hero")).toEqual([{ columns: ["id", "name"], values: [[1, "Dead Pond"]] }]);
    db.close();
  });
});
