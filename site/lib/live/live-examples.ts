// Makes every example on a guide page live: a Svelte action that mounts the playground's LiveExample
// component into each example's toolbar slot. The component's code loads after the page has rendered
// (a dynamic import), so it is not part of the page's initial JavaScript; Monaco, Swagger UI and
// esbuild-wasm load only when a reader presses a button.
import { mount, unmount } from "svelte";
import { assets } from "$app/paths";

export function liveExamples(article: HTMLElement): { destroy(): void } {
  let destroyed = false;
  const mounted: Record<string, unknown>[] = [];
  let dispose: (() => void) | undefined;

  void Promise.all([import("$playground/components/LiveExample.svelte"), import("$playground/executor/page-runner.svelte.ts")]).then(
    ([{ default: LiveExample }, { PageRunner }]) => {
      if (destroyed) return;
      const siteUrl = new URL(`${assets}/`, location.href).href;
      const runner = new PageRunner(siteUrl);
      dispose = () => runner.dispose();
      for (const example of article.querySelectorAll<HTMLElement>(".example[data-example]")) {
        const slot = example.querySelector<HTMLElement>("[data-example-actions]");
        const name = example.dataset["example"];
        if (!slot || !name) continue;
        // The toolbar and panes go under the code.
        example.append(slot);
        // The static view (the file tabs and their code), which the editor replaces while it shows.
        const codeBlock = example.querySelector<HTMLElement>(":scope > [data-example-static]");
        mounted.push(mount(LiveExample, { target: slot, props: { name, siteUrl, runner, codeBlock } }));
      }
    },
  );

  return {
    destroy() {
      destroyed = true;
      for (const component of mounted) void unmount(component);
      dispose?.();
    },
  };
}
