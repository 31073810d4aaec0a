// Which reference page each export is described on. Exports of `fastapi-ts/node` all go to the Node adapter's page;
// an export of `fastapi-ts` goes to the page whose `files` holds the longest prefix of the file that declares it
// (paths inside runtime/src/; a prefix ending in "/" is a folder). An export from a file no page names fails the
// build: add the file to the page it belongs to, so a new module never lands somewhere arbitrary.
import type { ModuleName } from "../../site/lib/reference/model.ts";

export interface PageSpec {
  slug: string;
  title: string;
  intro: string;
  files: string[];
}

export const nodePage: PageSpec = {
  slug: "node",
  title: "Node adapter (fastapi-ts/node)",
  intro: "Serving an app with `node:http`: `serve`, the request/response bridge, websockets and the docs assets, imported from `fastapi-ts/node`.",
  files: [],
};

/** The pages of `fastapi-ts`, in the order the reference lists them. */
export const pageSpecs: PageSpec[] = [
  {
    slug: "fastapi",
    title: "FastAPI app",
    intro: "The application class, its options, sub-applications mounted under a path, and the lifespan that runs at startup and shutdown.",
    files: ["app.ts", "mount.ts", "lifespan.ts", "node-version.ts"],
  },
  {
    slug: "apirouter",
    title: "APIRouter and routes",
    intro: "Grouping path operations in routers, the options every operation takes, and the route classes and path matching underneath.",
    files: ["routing/", "router.ts"],
  },
  {
    slug: "parameters",
    title: "Parameters",
    intro: "Markers that declare where a parameter comes from (path, query, header, cookie, body, form, file) and the types a declaration infers.",
    files: ["params/", "datastructures.ts"],
  },
  {
    slug: "request",
    title: "Request",
    intro: "The request object a handler or middleware receives when it declares one, the limits its form parsing keeps, and the Host check.",
    files: ["request.ts", "json-text.ts", "forms/", "host.ts"],
  },
  {
    slug: "dependencies",
    title: "Dependencies",
    intro: "Declaring dependencies, injecting them with `Depends` and `Security`, overriding them, and values provided by the framework.",
    files: ["dependencies/", "injection.ts"],
  },
  {
    slug: "security",
    title: "Security",
    intro: "Security schemes as dependencies: OAuth2, HTTP Basic/Bearer/Digest, API keys, OpenID Connect, and their scopes.",
    files: ["security/"],
  },
  {
    slug: "responses",
    title: "Responses",
    intro: "Response classes a handler can return or name as `responseClass`, from JSON to streams, files and server-sent events.",
    files: ["responses.ts", "responses/", "files/fileresponse.ts", "sse.ts", "routing/stream.ts", "streaming/"],
  },
  {
    slug: "exceptions",
    title: "Exceptions and handlers",
    intro: "Errors a handler throws to answer with a status code, the validation errors the framework raises, and their default handlers.",
    files: ["exceptions.ts", "handlers.ts", "validation/"],
  },
  {
    slug: "encoders",
    title: "Encoders and schemas",
    intro: "Turning values into JSON-ready data, codecs between JSON and richer values, and models into JSON Schema.",
    files: ["encoders.ts", "codecs.ts", "openapi/schema.ts", "validation/received.ts"],
  },
  {
    slug: "datetime",
    title: "Dates and times",
    intro: "Date, time and duration values and the schemas that parse them as pydantic does.",
    files: ["datetime/"],
  },
  {
    slug: "status",
    title: "Status codes",
    intro: "Named HTTP status codes and WebSocket close codes.",
    files: ["status.ts"],
  },
  {
    slug: "middleware",
    title: "Middleware",
    intro: "Writing middleware, and the middleware that ships with fastapi-ts: CORS, GZip, trusted hosts, HTTPS redirects, proxy headers.",
    files: ["middleware/"],
  },
  {
    slug: "websockets",
    title: "WebSockets",
    intro: "The websocket a handler receives, its errors, routes, and the transport that carries messages.",
    files: ["websockets/"],
  },
  {
    slug: "background",
    title: "Background tasks",
    intro: "Work that runs after the response is sent.",
    files: ["background.ts"],
  },
  {
    slug: "testing",
    title: "Testing",
    intro: "`TestClient` calls an app in memory, over HTTP and websockets, without a server.",
    files: ["testclient.ts"],
  },
  {
    slug: "openapi",
    title: "OpenAPI and docs",
    intro: "Generating the OpenAPI document and the HTML of Swagger UI and ReDoc.",
    files: ["openapi/"],
  },
  {
    slug: "static-files",
    title: "Static files",
    intro: "Serving a folder of files or a built frontend, and the file systems they read from.",
    files: ["staticfiles.ts", "frontend.ts", "files/"],
  },
  {
    slug: "templates",
    title: "Templates",
    intro: "Rendering HTML with Jinja-style templates.",
    files: ["templating.ts"],
  },
  {
    slug: "settings",
    title: "Settings",
    intro: "Typed settings read from environment variables and dotenv files, as pydantic-settings does.",
    files: ["settings.ts"],
  },
];

/** The page an export is described on, or undefined when no page names its file (`file` is inside runtime/src/). */
export function pageFor(module: ModuleName, file: string): PageSpec | undefined {
  if (module === "fastapi-ts/node") return nodePage;
  let best: { spec: PageSpec; length: number } | undefined;
  for (const spec of pageSpecs) {
    for (const prefix of spec.files) {
      const matches = prefix.endsWith("/") ? file.startsWith(prefix) : file === prefix;
      if (matches && (!best || prefix.length > best.length)) best = { spec, length: prefix.length };
    }
  }
  return best?.spec;
}
