import { defineConfig } from "vitest/config";

// Unit tests run without the SvelteKit plugin: the runtime, the playground's pure modules and the
// tutorials' examples are plain TypeScript.
export default defineConfig({
  test: {
    include: [
      "runtime/test/**/*.test.ts",
      "playground/src/**/*.test.ts",
      "tutorials/examples/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    environment: "node",
  },
});
