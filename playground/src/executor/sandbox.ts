// Where app workers run. In the built site: inside a sandboxed frame (opaque origin), so code from a
// share link or an embed cannot act as the site. Under `vite dev` the worker's code is not one file,
// so it runs as a plain same-origin worker there.
import runnerUrl from "./runner.worker.ts?worker&url";
import { SANDBOX_DOCUMENT } from "./sandbox-document.ts";

/** Marks a sandbox frame a page renders in its own markup, for {@link SandboxFrameHost} to adopt. */
export const SANDBOX_FRAME_ATTRIBUTE = "data-fastapi-ts-sandbox";

/** A started app worker: the port to talk to it, and how to stop it. */
export interface SpawnedWorker {
  port: MessagePort;
  terminate(): void;
}

/** Starts app workers. */
export interface WorkerHost {
  spawn(name: string): Promise<SpawnedWorker>;
  dispose(): void;
}

/** App workers inside an `<iframe sandbox="allow-scripts" srcdoc=…>` (see sandbox-document.ts) appended to the page. */
export class SandboxFrameHost implements WorkerHost {
  private frame?: HTMLIFrameElement;
  private ready?: Promise<{ frame: Window; code: string }>;
  private nextId = 1;

  private start(): Promise<{ frame: Window; code: string }> {
    this.ready ??= new Promise((resolve, reject) => {
      // A page may already hold the frame in its markup (SANDBOX_FRAME_ATTRIBUTE), so that it loads
      // with the page rather than after hydration: adopt it.
      const existing = [...document.querySelectorAll<HTMLIFrameElement>(`iframe[${SANDBOX_FRAME_ATTRIBUTE}]`)].find(
        (candidate) => candidate.srcdoc === SANDBOX_DOCUMENT && candidate.getAttribute("sandbox") === "allow-scripts",
      );
      const frame = existing ?? document.createElement("iframe");
      if (!existing) {
        frame.setAttribute("sandbox", "allow-scripts");
        frame.title = "Sandbox for the app's code";
        frame.hidden = true;
        frame.srcdoc = SANDBOX_DOCUMENT;
      }
      const code = fetch(runnerUrl).then((r) => {
        if (!r.ok) throw new Error(`The app worker's code did not load (${r.status})`);
        return r.text();
      });
      const onMessage = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow || (event.data as { type?: string })?.type !== "sandbox-ready") return;
        removeEventListener("message", onMessage);
        code.then((text) => resolve({ frame: frame.contentWindow!, code: text }), reject);
      };
      addEventListener("message", onMessage);
      // An adopted frame may have announced itself before anyone listened: ask again. (If it has not
      // loaded yet, this reaches its blank document and is lost, and its own announcement follows.)
      if (existing) existing.contentWindow?.postMessage({ type: "hello" }, "*");
      else document.body.append(frame);
      this.frame = frame;
    });
    return this.ready;
  }

  async spawn(name: string): Promise<SpawnedWorker> {
    const { frame, code } = await this.start();
    const id = this.nextId++;
    const channel = new MessageChannel();
    // The frame's origin is opaque, so no narrower target origin can name it.
    frame.postMessage({ type: "spawn", id, name, code, port: channel.port2 }, "*", [channel.port2]);
    return {
      port: channel.port1,
      terminate: () => {
        frame.postMessage({ type: "terminate", id }, "*");
        channel.port1.close();
      },
    };
  }

  dispose(): void {
    this.frame?.remove();
    this.frame = undefined;
    this.ready = undefined;
  }
}

/** App workers as plain module workers of the page (development server only). */
export class DirectWorkerHost implements WorkerHost {
  async spawn(name: string): Promise<SpawnedWorker> {
    const worker = new Worker(runnerUrl, { type: "module", name });
    const channel = new MessageChannel();
    worker.postMessage({ type: "connect" }, [channel.port2]);
    return { port: channel.port1, terminate: () => worker.terminate() };
  }

  dispose(): void {}
}

/** The host the site uses: the sandbox frame, except under the development server. */
export function defaultWorkerHost(): WorkerHost {
  return import.meta.env.DEV ? new DirectWorkerHost() : new SandboxFrameHost();
}
