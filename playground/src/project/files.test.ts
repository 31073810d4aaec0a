import { describe, expect, it } from "vitest";
import { addFile, deleteFile, fileNameProblem, FileNameError, renameFile } from "./files.ts";

const files = { "main.ts": "m", "routers/items.ts": "i", "dependencies.ts": "d" };

describe("project files", () => {
  it("adds a file at the end, renames one in place and deletes one", () => {
    expect(Object.entries(addFile(files, "routers/users.ts"))).toEqual([...Object.entries(files), ["routers/users.ts", ""]]);
    expect(Object.entries(renameFile(files, "routers/items.ts", "items.ts"))).toEqual([["main.ts", "m"], ["items.ts", "i"], ["dependencies.ts", "d"]]);
    expect(deleteFile(files, "dependencies.ts")).toEqual({ "main.ts": "m", "routers/items.ts": "i" });
    // The original is untouched.
    expect(Object.keys(files)).toEqual(["main.ts", "routers/items.ts", "dependencies.ts"]);
  });

  it("keeps main.ts: never renamed, deleted or replaced", () => {
    expect(() => renameFile(files, "main.ts", "app.ts")).toThrow(/entry/);
    expect(() => deleteFile(files, "main.ts")).toThrow(/entry/);
    expect(() => addFile(files, "main.ts")).toThrow(/entry/);
    expect(() => renameFile(files, "dependencies.ts", "main.ts")).toThrow(/entry/);
  });

  it.each([
    ["", /Give the file a name/],
    ["/abs.ts", /without a leading/],
    ["./here.ts", /without a leading/],
    ["../up.ts", /no \. or \.\. folders/],
    ["a/./b.ts", /no \. or \.\. folders/],
    ["my file.ts", /no spaces/],
    ["routers//x.ts", /Use letters/],
    ["notes.md", /End the name with \.ts or \.js/],
    ["routers", /End the name with \.ts or \.js/],
    ["Dependencies.ts", /already a file named dependencies\.ts/],
    ["routers/items.ts/x.ts", /both a file and a folder/],
    ["x".repeat(98) + ".ts", /at most 100/],
  ])("refuses %j with a reason", (name, reason) => {
    expect(fileNameProblem(name, files)).toMatch(reason);
    expect(() => addFile(files, name)).toThrow(FileNameError);
  });

  it("accepts good names, and a rename to the same name or another case of it", () => {
    for (const name of ["routers/users.ts", "internal/admin.ts", "lib.js", "util.mts", "a-b_c.d.ts"]) expect(fileNameProblem(name, files)).toBeUndefined();
    expect(fileNameProblem("routers/items.ts", files, "routers/items.ts")).toBeUndefined();
    expect(fileNameProblem("routers/Items.ts", files, "routers/items.ts")).toBeUndefined();
    expect(() => renameFile(files, "nope.ts", "x.ts")).toThrow(/no file named nope\.ts/);
    expect(() => deleteFile(files, "nope.ts")).toThrow(/no file named nope\.ts/);
  });
});
