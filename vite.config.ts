import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [sveltekit()],
  worker: { format: "es" },
  build: { chunkSizeWarningLimit: 4096 },
  server: { fs: { allow: ["playground", "runtime", "tutorials"] } },
});
