// Which executor runs. The Worker executor always can; the WebContainer executor only where the page is
// cross-origin isolated and `WebContainer.boot()` succeeds in time. The reader is always told why the
// other one is not available.
import { bootWebContainer } from "./boot-webcontainer.ts";
import type { Executor } from "./types.ts";
import type { BootContainer, Container } from "./webcontainer-executor.ts";

export type ExecutorName = Executor["name"];

/** How each executor is named to the reader. */
export const EXECUTOR_LABELS: Record<ExecutorName, string> = { worker: "Web Worker", webcontainer: "WebContainer" };

/** Whether the WebContainer executor can run here: a booted container, or the reason it cannot. */
export type WebContainerAvailability = { available: true; container: Container } | { available: false; reason: string };

export const NOT_ISOLATED = "this page is not cross-origin isolated";

export interface ProbeOptions {
  /** `crossOriginIsolated` of the page: without it the WebContainer cannot run, and is not even loaded. */
  isolated: boolean;
  boot?: BootContainer;
  /** How long boot may take before the WebContainer counts as unavailable (default 20 s: a cold boot takes ~10 s). */
  timeoutMs?: number;
}

/** Boots a WebContainer if this page can have one, within the timeout. A boot that answers too late is torn down. */
export async function probeWebContainer({ isolated, boot = bootWebContainer, timeoutMs = 20_000 }: ProbeOptions): Promise<WebContainerAvailability> {
  if (!isolated) return { available: false, reason: NOT_ISOLATED };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  const booting = boot();
  try {
    return { available: true, container: await Promise.race([booting, timeout]) };
  } catch (error) {
    booting.then((late) => late.teardown(), () => {});
    return { available: false, reason: `WebContainer could not boot: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** What to tell a reader whose link asked for the WebContainer where it is unavailable. */
export function fallbackNotice(reason: string): string {
  return `This link asks to run in a WebContainer, which is unavailable here (${reason}), so it runs in a Web Worker.`;
}
