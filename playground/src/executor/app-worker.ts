// One running version of the app, in its own worker, spoken to over a MessagePort.
import { requestToWire, wireToResponse } from "../bridge/http.ts";
import { BridgedWebSocket } from "../bridge/websocket.ts";
import { answeredWithin } from "./watchdog.ts";
import type { LogLevel, RunnerRequest, RunnerResponse, WorkerVendor } from "./runner-protocol.ts";
import type { SpawnedWorker, WorkerHost } from "./sandbox.ts";

type Ran = RunnerResponse & { type: "ran" };
type Tested = RunnerResponse & { type: "tested" | "test-failed" };
type Pending = { resolve: (response: Response) => void; reject: (error: Error) => void };

export interface AppWorkerEvents {
  onLog?: (entry: { level: LogLevel; text: string }) => void;
}

export class AppWorker {
  private readonly spawned: Promise<SpawnedWorker>;
  /** Resolves once the worker exists and has been handed zod and the runtime (its own thread takes it from there). */
  readonly started: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private readonly pongs = new Map<number, () => void>();
  private readonly events: AppWorkerEvents;
  private ran?: (message: Ran) => void;
  private tested?: (message: Tested) => void;
  private onKilled?: () => void;
  private markLoaded!: () => void;
  /** Settles once the worker has evaluated zod and the runtime (or was killed first): a run given to it now starts at once. */
  readonly ready = new Promise<void>((resolve) => (this.markLoaded = resolve));
  private starting = false;
  private connected = false;
  private nextId = 1;
  private readonly sockets = new Set<BridgedWebSocket>();
  /** Vendor files this worker has (zod and the runtime come with the warm-up). */
  private readonly vendorFiles = new Set<string>(["zod.js", "fastapi-ts.js"]);
  dead = false;

  constructor(host: WorkerHost, vendor: Promise<WorkerVendor>, events: AppWorkerEvents) {
    this.events = events;
    // Every message waits until the worker has the runtime and zod, so a run finds them loaded.
    this.spawned = host.spawn("fastapi-ts app").then(async (spawned) => {
      spawned.port.onmessage = (event: MessageEvent<RunnerResponse>) => this.receive(event.data);
      const warm: RunnerRequest = { type: "warm", vendor: await vendor };
      spawned.port.postMessage(warm);
      return spawned;
    });
    this.started = this.spawned.then(() => {});
  }

  private post(message: RunnerRequest, transfer: Transferable[] = []): void {
    void this.spawned.then((spawned) => {
      if (!this.dead) spawned.port.postMessage(message, transfer);
    });
  }

  private receive(message: RunnerResponse): void {
    switch (message.type) {
      case "ran":
        this.ran?.(message);
        break;
      case "tested":
      case "test-failed":
        this.tested?.(message);
        break;
      case "fetched":
        this.pending.get(message.id)?.resolve(wireToResponse(message.response));
        this.pending.delete(message.id);
        break;
      case "fetch-failed":
        this.pending.get(message.id)?.reject(new Error(message.problem.message));
        this.pending.delete(message.id);
        break;
      case "warmed":
        // From now on silence means the app's own code is stuck: loading the runtime does not count.
        this.connected = true;
        this.markLoaded();
        break;
      case "pong":
        this.pongs.get(message.id)?.();
        this.pongs.delete(message.id);
        break;
      case "log":
        this.events.onLog?.({ level: message.level, text: message.text });
        break;
    }
  }

  /** Hands the worker the vendor modules (and their binaries) it does not have yet. */
  addVendor(vendor: WorkerVendor): void {
    const modules = Object.fromEntries(Object.entries(vendor.modules).filter(([file]) => !this.vendorFiles.has(file)));
    if (!Object.keys(modules).length) return;
    for (const file of Object.keys(modules)) this.vendorFiles.add(file);
    this.post({ type: "vendor", vendor: { modules, wasm: vendor.wasm } });
  }

  /** Runs the bundle; resolves with the worker's answer, or "stopped" if it was killed first. */
  start(code: string): Promise<Ran | "stopped"> {
    this.starting = true;
    return new Promise((resolve) => {
      this.onKilled = () => resolve("stopped");
      this.ran = (message) => {
        this.starting = false;
        this.onKilled = undefined;
        resolve(message);
      };
      this.post({ type: "run", code });
    });
  }

  /** Runs a bundled test file; resolves with the results, or "stopped" if the worker was killed first. */
  test(code: string): Promise<Tested | "stopped"> {
    this.starting = true;
    return new Promise((resolve) => {
      this.onKilled = () => resolve("stopped");
      this.tested = (message) => {
        this.starting = false;
        this.onKilled = undefined;
        resolve(message);
      };
      this.post({ type: "test", code });
    });
  }

  /** Whether the worker has evaluated zod and the runtime. */
  get loaded(): boolean {
    return this.connected;
  }

  /** Whether the app has work in flight, so that silence would mean it is stuck. */
  get busy(): boolean {
    return this.connected && (this.starting || this.pending.size > 0);
  }

  get handlingRequests(): boolean {
    return this.pending.size > 0;
  }

  async fetch(request: Request): Promise<Response> {
    if (this.dead) throw new Error("The app was stopped");
    const id = this.nextId++;
    const wire = await requestToWire(request);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: "fetch", id, request: wire }, wire.body ? [wire.body] : []);
    });
  }

  /** Opens a websocket to the app: `url` is a ws:/wss: URL whose path and query pick the endpoint. */
  websocket(url: string, protocols: string[] = [], headers: [string, string][] = []): BridgedWebSocket {
    if (this.dead) return BridgedWebSocket.unreachable(url, "The app was stopped");
    const channel = new MessageChannel();
    const socket = new BridgedWebSocket(url, channel.port1);
    this.sockets.add(socket);
    socket.addEventListener("close", () => this.sockets.delete(socket));
    this.post({ type: "websocket", url, headers, subprotocols: protocols, port: channel.port2 }, [channel.port2]);
    return socket;
  }

  /** Resolves true if the worker's event loop answers within `timeoutMs` (see answeredWithin). */
  ping(timeoutMs: number): Promise<boolean> {
    const id = this.nextId++;
    const pong = new Promise<void>((resolve) => this.pongs.set(id, resolve));
    this.post({ type: "ping", id });
    return answeredWithin(pong, timeoutMs).finally(() => this.pongs.delete(id));
  }

  kill(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    this.markLoaded();
    void this.spawned.then((spawned) => spawned.terminate());
    this.onKilled?.();
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
    // The app is gone: its sockets drop, as a server's would when the process dies.
    for (const socket of this.sockets) socket.finish(1006, reason);
    this.sockets.clear();
  }
}
