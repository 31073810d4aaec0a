import { APIRoute, FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", {}, async function read_items() {
  return [{ item_id: "Foo" }];
});

/**
 * Simplify operation IDs so that generated API clients get simpler function names.
 * Call it only after all the routes have been added.
 */
function useRouteNamesAsOperationIds(app: FastAPI): void {
  for (const route of app.routes) {
    if (route instanceof APIRoute) {
      route.uniqueId = route.name; // here, "read_items"
    }
  }
}

useRouteNamesAsOperationIds(app);
