import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";
import { apiReference } from "./scripts/reference/plugin.ts";

export default defineConfig({
  plugins: [apiReference(), sveltekit()],
  worker: { format: "es" },
  build: { chunkSizeWarningLimit: 4096 },
  server: { fs: { allow: ["playground", "runtime", "tutorials"] } },
});
