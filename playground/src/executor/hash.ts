// Content keys of projects and bundles (drafts, the build memo).
import { sha256 } from "@noble/hashes/sha2.js";

/**
 * The SHA-256 of `text` (UTF-8) in hex, its first `bytes` bytes: in JavaScript, since `crypto.subtle` exists only in
 * secure contexts (a site served over plain http on a LAN is not one).
 */
export function sha256Hex(text: string, bytes = 32): string {
  return [...sha256(new TextEncoder().encode(text)).slice(0, bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
