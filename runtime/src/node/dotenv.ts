import { readFileSync } from "node:fs";
import { parseDotenv } from "../settings.ts";

/** Reads a `.env` file (missing file: `{}`). */
export function readEnvFile(path = ".env"): Record<string, string> {
  try {
    return parseDotenv(readFileSync(path, "utf8"));
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") return {};
    throw e;
  }
}
