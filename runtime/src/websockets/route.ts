import { compileOperation, type Dependant, type DependencyOverrides } from "../dependencies/dependant.ts";
import type { DependsMarker } from "../dependencies/depends.ts";
import { graphState, solveDependant } from "../dependencies/solve.ts";
import { unwind } from "../dependencies/teardown.ts";
import { HTTPException } from "../exceptions.ts";
import type { ParamsDeclaration, ParamValues } from "../params/markers.ts";
import type { Request } from "../request.ts";
import { compilePath, type CompiledPath } from "../router.ts";
import { WebSocketDisconnect, WebSocketException, WebSocketRequestValidationError } from "./exceptions.ts";
import type { WebSocketTransport } from "./transport.ts";
import { WebSocket } from "./websocket.ts";

/** A websocket endpoint: receives the validated, typed parameters (declare `websocket: WebSocket` to talk). */
export type WebSocketHandler<P extends ParamsDeclaration> = (params: ParamValues<P>) => unknown;

/** Options of a websocket endpoint. */
export interface WebSocketOptions<P extends ParamsDeclaration = ParamsDeclaration> {
  /** Declared parameters: path, query, header, cookie, dependencies, and `WebSocket`. */
  params?: P;
  /** Dependencies run for their effect before the endpoint. */
  dependencies?: readonly DependsMarker[];
  /** The endpoint's name (default: the handler's name), for `urlFor`. */
  name?: string;
}

/** What the app passes to a websocket route. */
export interface WebSocketRuntime {
  overrides?: DependencyOverrides;
  /** Called with an unexpected error of the endpoint (the connection is closed with 1011). */
  onError?: (error: unknown) => void;
}

/** A registered websocket endpoint (FastAPI's `APIWebSocketRoute`). */
export class WebSocketRoute {
  /** The declared path (with prefixes). */
  readonly path: string;
  /** The endpoint's name. */
  readonly name: string;
  /** The endpoint. */
  readonly handler: WebSocketHandler<ParamsDeclaration>;
  /** Options as declared (merged with the routers'). */
  readonly options: WebSocketOptions;
  /** The compiled path. */
  readonly compiled: CompiledPath;
  /** The compiled dependency graph. */
  readonly dependant: Dependant;

  constructor(path: string, handler: WebSocketHandler<ParamsDeclaration>, options: WebSocketOptions = {}) {
    this.path = path;
    this.handler = handler;
    this.options = options;
    this.name = options.name ?? (handler.name || "websocket_endpoint");
    this.compiled = compilePath(path);
    this.dependant = compileOperation(options.params ?? {}, options.dependencies ?? [], this.compiled.names);
  }

  /** Runs the endpoint for a matched handshake; closes the socket as FastAPI does on errors. */
  async handle(request: Request, transport: WebSocketTransport, runtime: WebSocketRuntime = {}): Promise<void> {
    const websocket = new WebSocket(request, transport);
    const state = graphState(runtime.overrides);
    let failure: { error: unknown } | undefined;
    try {
      const solved = await solveDependant(this.dependant, request.pathParams, { request, response: null, strictContentType: false }, state);
      if (solved.errors.length) throw new WebSocketRequestValidationError(solved.errors);
      await this.handler(solved.values as never);
    } catch (error) {
      failure = { error };
    }
    // Exit code of generator dependencies runs once the endpoint is done (an error is thrown in at the yield).
    let rest = await unwind(state.cleanups, "function", failure);
    rest = await unwind(state.cleanups, "request", rest);
    failure = rest ?? (failure?.error instanceof WebSocketDisconnect ? undefined : failure);
    if (failure) await closeFor(websocket, failure.error, runtime);
    if (websocket.applicationState !== "DISCONNECTED") await websocket.close(1000);
  }
}

/** Closes a connection for an error as FastAPI/Starlette do. */
export async function closeFor(websocket: WebSocket, error: unknown, runtime: WebSocketRuntime): Promise<void> {
  if (error instanceof WebSocketDisconnect) return;
  if (error instanceof WebSocketRequestValidationError) return websocket.close(1008, JSON.stringify(error.errors()));
  if (error instanceof WebSocketException) return websocket.close(error.code, error.reason);
  if (error instanceof HTTPException) return websocket.close(1008, typeof error.detail === "string" ? error.detail : JSON.stringify(error.detail));
  if (runtime.onError) runtime.onError(error);
  else console.error(error);
  await websocket.close(1011, "Internal Server Error");
}
