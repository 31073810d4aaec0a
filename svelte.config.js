import adapter from "@sveltejs/adapter-static";
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

/** The site lives in site/, its assets in static/ (see DESIGN.md: layout). */
/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ fallback: "404.html", strict: true }),
    files: {
      src: "site",
      routes: "site/routes",
      lib: "site/lib",
      appTemplate: "site/app.html",
      errorTemplate: "site/error.html",
      assets: "static",
      hooks: { client: "site/hooks.client", server: "site/hooks.server", universal: "site/hooks" },
      params: "site/params",
      serviceWorker: "site/service-worker",
    },
    alias: {
      $playground: "playground/src",
      $tutorials: "tutorials",
    },
    paths: { relative: true },
    // The site registers its service worker itself, once the page is idle, and tells the reader how the offline
    // copy stands (site/lib/offline/).
    serviceWorker: { register: false },
  },
};

export default config;
