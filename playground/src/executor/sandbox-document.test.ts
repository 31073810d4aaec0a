import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SANDBOX_DOCUMENT, SANDBOX_POLICY, SANDBOX_SCRIPT, SANDBOX_SCRIPT_HASH } from "./sandbox-document.ts";

describe("the sandbox frame's document", () => {
  it("lets exactly its own inline script run: the policy names the script's hash", () => {
    const hash = `sha256-${createHash("sha256").update(SANDBOX_SCRIPT).digest("base64")}`;
    expect(SANDBOX_SCRIPT_HASH).toBe(hash);
    expect(SANDBOX_DOCUMENT).toContain(`<script>${SANDBOX_SCRIPT}</script>`);
  });

  it("allows no connections and no other script source", () => {
    expect(SANDBOX_POLICY).toContain("connect-src 'none'");
    expect(SANDBOX_POLICY).toContain("default-src 'none'");
    expect(SANDBOX_POLICY).not.toContain("'unsafe-inline'");
    expect(SANDBOX_POLICY).not.toMatch(/script-src[^;]*'self'/);
  });

  it("makes no request of its own: nothing in it names a URL to load", () => {
    expect(SANDBOX_DOCUMENT).not.toMatch(/\bsrc=|href=/);
  });
});
