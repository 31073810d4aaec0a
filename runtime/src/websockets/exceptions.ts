import type { ValidationErrorItem } from "../exceptions.ts";

/** Raised by `receive*` when the client has closed the connection; `code` is its close code. */
export class WebSocketDisconnect extends Error {
  /** The close code (1000 normal, 1001 going away…). */
  readonly code: number;
  /** The close reason. */
  readonly reason: string;
  constructor(code = 1000, reason = "") {
    super(reason || `WebSocket disconnected (${code})`);
    this.name = "WebSocketDisconnect";
    this.code = code;
    this.reason = reason;
  }
}

/** Throw it from a websocket endpoint or dependency to close the connection with `code` and `reason`. */
export class WebSocketException extends Error {
  /** The close code (e.g. `status.WS_1008_POLICY_VIOLATION`). */
  readonly code: number;
  /** The close reason. */
  readonly reason: string;
  constructor(code: number, reason = "") {
    super(reason || `WebSocket closed (${code})`);
    this.name = "WebSocketException";
    this.code = code;
    this.reason = reason;
  }
}

/** The declared parameters of a websocket endpoint did not validate: the connection is closed with 1008. */
export class WebSocketRequestValidationError extends Error {
  readonly #errors: ValidationErrorItem[];
  constructor(errors: ValidationErrorItem[]) {
    super(`${errors.length} validation error${errors.length === 1 ? "" : "s"}`);
    this.name = "WebSocketRequestValidationError";
    this.#errors = errors;
  }
  /** The validation errors. */
  errors(): ValidationErrorItem[] {
    return this.#errors;
  }
}
