// The playground's panes, in their default order: shared by the playground and the /embed route.

export const PANES = ["swagger", "redoc", "request", "websocket", "browser", "tests", "log", "openapi"] as const;

/** One of the playground's panes. */
export type PaneId = (typeof PANES)[number];

export const PANE_LABELS: Record<PaneId, string> = {
  swagger: "Swagger UI",
  redoc: "ReDoc",
  request: "Request",
  websocket: "WebSocket",
  browser: "Browser",
  tests: "Tests",
  log: "Log",
  openapi: "OpenAPI",
};

export function isPaneId(value: string): value is PaneId {
  return (PANES as readonly string[]).includes(value);
}
