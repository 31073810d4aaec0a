import { describe, expect, it } from "vitest";
import { decodeProject, encodeProject, payloadFromHash, ShareLinkError } from "./codec.ts";

const project = {
  files: { "main.ts": 'import { FastAPI } from "fastapi-ts";\nexport const app = new FastAPI(); // ünïcødé ✓\n', "routers/items.ts": "export const x = 1;\n" },
  active: "routers/items.ts",
  executor: "worker" as const,
};

describe("share links", () => {
  it("round-trips a multi-file project", async () => {
    const payload = await encodeProject(project);
    expect(payload).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeProject(payload)).toEqual(project);
  });

  it("keeps decoding v1 links (a link made today must open tomorrow)", async () => {
    // Made by encodeProject when v1 was introduced; never regenerate it.
    const frozen = "v1.q1ZKy8xJLVayqlbKTczM0yspVrJSSq0oyC8qUUjOzysuUUgsKFCwVTC0jslTqq0FAA";
    expect(await decodeProject(frozen)).toEqual({ files: { "main.ts": "export const app = 1;\n" }, active: "main.ts", executor: "worker" });
  });

  it.each([
    ["v1.", /incomplete or damaged|does not contain/],
    ["v1.q1ZKy8xJLVayqlbKTczM0yspVrJSSq0oyC8qUUjOz", /incomplete or damaged/],
    ["v1.abc$%", /characters a share link never contains/],
    ["v9.abcd", /format \(v9\)/],
    ["hello", /not a playground link/],
  ])("explains why %s cannot be opened", async (payload, message) => {
    const error = await decodeProject(payload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShareLinkError);
    expect((error as Error).message).toMatch(message);
  });

  it("refuses file names that could escape the project", async () => {
    const payload = await encodeProject({ files: { "main.ts": "", "../evil.ts": "" } });
    await expect(decodeProject(payload)).rejects.toThrow(/cannot open/);
  });

  it("reads the payload from the fragment", () => {
    expect(payloadFromHash("#code=v1.abc")).toBe("v1.abc");
    expect(payloadFromHash("")).toBeUndefined();
  });
});
