import { defineConfig } from "vitest/config";

// Unit tests run without the SvelteKit plugin: the runtime, the playground's pure modules and the
// tutorials' examples are plain TypeScript.
export default defineConfig({
  test: {
    environment: "node",
    // `npm test` runs these beside the end-to-end tests (scripts/test.ts), where a test that starts servers or a
    // compiler can take several times as long as alone: no test here measures time (the abuse suite, which does, runs
    // alone), so a slow machine must not fail them at vitest's default of 5 s.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["runtime/test/**/*.test.ts", "playground/src/**/*.test.ts", "scripts/**/*.test.ts"],
        },
      },
      {
        // Each example is its own module graph over the same runtime: sharing the loaded runtime
        // between files (no per-file isolation) takes the 235 example files from minutes to seconds.
        // An example keeps its state in its own module, so nothing leaks from one file to the next.
        extends: true,
        test: {
          name: "examples",
          include: ["tutorials/examples/**/*.test.ts"],
          isolate: false,
          // Examples write to the working directory as FastAPI's do (`log.txt`), so two files must not run at once.
          // One worker costs nothing here: the files take the same ~6 s either way.
          fileParallelism: false,
        },
      },
    ],
  },
});
