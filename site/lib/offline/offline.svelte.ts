// The page's side of the offline copy: registers the service worker (site/service-worker.ts) once the page is
// idle, and follows how the copy stands, for the indicator (OfflineStatus.svelte).
import { base } from "$app/paths";
import type { FromServiceWorker, ToServiceWorker } from "./protocol.ts";
import { anyActivity, resourceActivity, whenQuiet } from "./quiet.ts";
import { readerActivity, relayReaderBusy } from "./reader-busy.ts";

/** The offline copy starts after this long with no request finishing and no keystroke or click… */
const QUIET_MS = 2000;
/** …or this long after the page loaded, on a page that keeps loading. */
const QUIET_MAX_MS = 30_000;

/**
 * `insecure`: not a secure context (plain HTTP on a LAN), where browsers give no service worker;
 * `unsupported`: a browser without them, or one that refused the registration;
 * `saving`: the first copy is being saved; `ready`: the site works offline;
 * `updating`: a new version is being saved beside the current one; `update-ready`: it waits for the reader;
 * `failed`: a file could not be saved (tried again on the next visit).
 */
export type OfflineState = "starting" | "insecure" | "unsupported" | "saving" | "ready" | "updating" | "update-ready" | "failed";

export class OfflineCopy {
  state = $state<OfflineState>("starting");
  /** While saving or updating: the share of the files saved, 0–1. */
  progress = $state(0);
  /** Why the state is `failed` or `unsupported`. */
  reason = $state<string>();
  private registration?: ServiceWorkerRegistration;
  /** Stops telling an installing worker that the reader is busy. */
  private stopRelay = () => {};

  /** Registers the service worker when the page has settled; returns a function that stops following it. */
  start(): () => void {
    if (!isSecureContext) {
      this.state = "insecure";
      return () => {};
    }
    if (!("serviceWorker" in navigator)) {
      this.state = "unsupported";
      return () => {};
    }
    const container = navigator.serviceWorker;
    const onMessage = (event: MessageEvent<FromServiceWorker>) => this.receive(event.data);
    container.addEventListener("message", onMessage);
    let cancelled = false;
    const register = () => {
      if (cancelled) return;
      const script = new URL(`${base}/service-worker.js`, location.href);
      container.register(script, { type: import.meta.env.DEV ? "module" : "classic" }).then(
        (registration: ServiceWorkerRegistration | undefined) => {
          // A stubbed register() (a privacy extension, an automated browser that blocks workers) resolves to nothing.
          if (registration) this.follow(registration);
          else [this.state, this.reason] = ["unsupported", "the browser did not register the service worker"];
        },
        (error: unknown) => {
          this.state = "unsupported";
          this.reason = error instanceof Error ? error.message : String(error);
        },
      );
    };
    // After the page's own loading, after what the reader started since (a Run fetches the example, Swagger UI's
    // script, the runtime), and once the reader stops typing: those come before the offline copy, which would
    // otherwise share the connection and the CPU with them.
    let cancelQuiet = () => {};
    const whenSettled = () => (cancelQuiet = whenQuiet(anyActivity(resourceActivity, readerActivity(window)), register, QUIET_MS, QUIET_MAX_MS));
    if (document.readyState === "complete") whenSettled();
    else addEventListener("load", whenSettled, { once: true });
    return () => {
      cancelled = true;
      cancelQuiet();
      this.stopRelay();
      container.removeEventListener("message", onMessage);
    };
  }

  /** Takes the waiting version now and reloads the page with it. */
  update(): void {
    const waiting = this.registration?.waiting;
    if (!waiting) return;
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    waiting.postMessage({ type: "skip-waiting" } satisfies ToServiceWorker);
  }

  private follow(registration: ServiceWorkerRegistration): void {
    this.registration = registration;
    const check = () => void this.check(registration);
    registration.addEventListener("updatefound", () => {
      const installing = registration.installing;
      this.state = registration.active ? "updating" : "saving";
      this.progress = 0;
      installing?.addEventListener("statechange", check);
      if (installing) this.relayWhileSaving(installing);
    });
    navigator.serviceWorker.addEventListener("controllerchange", check);
    check();
  }

  /** Reads the state from the registration, and asks the active worker whether its copy is whole. */
  private async check(registration: ServiceWorkerRegistration): Promise<void> {
    if (registration.waiting && registration.active) {
      this.state = "update-ready";
      return;
    }
    if (registration.installing) {
      this.state = registration.active ? "updating" : "saving";
      this.relayWhileSaving(registration.installing);
      return;
    }
    const active = registration.active;
    if (!active) return;
    const channel = new MessageChannel();
    const answer = new Promise<FromServiceWorker>((resolve) => (channel.port1.onmessage = (event) => resolve(event.data as FromServiceWorker)));
    active.postMessage({ type: "status" } satisfies ToServiceWorker, [channel.port2]);
    const status = await answer;
    channel.port1.close();
    // Ready once the copy is whole and this page is served from it (the first visit's page is, once claimed).
    if (status.type === "offline-status" && status.complete && navigator.serviceWorker.controller) this.state = "ready";
    else if (status.type === "offline-status" && status.complete) navigator.serviceWorker.addEventListener("controllerchange", () => void this.check(registration), { once: true });
  }

  /** While `worker` saves its copy, it hears when the reader types or clicks, and waits for them (reader-busy.ts). */
  private relayWhileSaving(worker: ServiceWorker): void {
    this.stopRelay();
    const stop = relayReaderBusy(readerActivity(window), () => worker.postMessage({ type: "reader-busy" } satisfies ToServiceWorker));
    const onState = () => {
      if (worker.state !== "installing") this.stopRelay();
    };
    worker.addEventListener("statechange", onState);
    this.stopRelay = () => {
      stop();
      worker.removeEventListener("statechange", onState);
      this.stopRelay = () => {};
    };
  }

  private receive(message: FromServiceWorker): void {
    if (message.type === "offline-progress") {
      // A version saved while another is active is an update; with none active, the first copy.
      if (this.state !== "updating") this.state = this.registration?.active ? "updating" : "saving";
      this.progress = message.total ? message.done / message.total : 0;
    } else if (message.type === "offline-failed") {
      this.state = "failed";
      this.reason = message.reason;
    }
  }
}
