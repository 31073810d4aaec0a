import nunjucks from "nunjucks";
import { getDefaultFileSystem, type FileSystem } from "./files/filesystem.ts";
import "./files/hostfs.ts";
import type { Request } from "./request.ts";
import { HTMLResponse, type ResponseInit } from "./responses.ts";

/** Options of {@link Jinja2Templates}. */
export interface TemplatesOptions {
  /** The directory holding the templates. */
  directory: string;
  /** Where templates are read (default: the host's file system, or the one set with `setDefaultFileSystem`). */
  fs?: FileSystem;
  /** Escape HTML in `{{ }}` output (default `true`, as Starlette's `Jinja2Templates`). */
  autoescape?: boolean;
}

/** A template context: the values the template sees (`request` and `url_for` are added). */
export type TemplateContext = Record<string, unknown>;

/**
 * Templates rendered by Nunjucks, a maintained Jinja2-compatible engine that runs in Node and in browsers
 * (FastAPI's `Jinja2Templates`): the same `{{ id }}`, `{% extends %}`, `{% for %}` syntax, and a `url_for(name,
 * path=...)` helper in every template.
 *
 * @example
 * ```ts
 * const templates = new Jinja2Templates({ directory: "templates" });
 * app.get("/items/{id}", { params: { request: Request, id: z.string() }, responseClass: HTMLResponse },
 *   async function read_item({ request, id }) {
 *     return templates.TemplateResponse(request, "item.html", { id });
 *   });
 * ```
 * `item.html`: `<link href="{{ url_for('static', path='/styles.css') }}" rel="stylesheet">`
 */
export class Jinja2Templates {
  /** The Nunjucks environment (add filters and globals here: `templates.env.addFilter(...)`). */
  readonly env: nunjucks.Environment;
  readonly #directory: string;
  readonly #fs: FileSystem | undefined;

  constructor(options: TemplatesOptions) {
    this.#directory = options.directory.replace(/\/+$/, "");
    this.#fs = options.fs;
    const loader = {
      async: true as const,
      getSource: (name: string, callback: (err: Error | null, src: nunjucks.LoaderSource | null) => void): void => {
        const path = `${this.#directory}/${name.replace(/^\/+/, "")}`;
        (this.#fs ?? getDefaultFileSystem()).readText(path).then(
          (src) => callback(null, { src, path, noCache: false }),
          (err: unknown) => ((err as { code?: string }).code === "ENOENT" ? callback(null, null) : callback(err as Error, null)),
        );
      },
    };
    this.env = new nunjucks.Environment(loader as unknown as nunjucks.ILoaderAny, { autoescape: options.autoescape !== false });
  }

  /** Renders a template to a string. */
  render(name: string, context: TemplateContext = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      this.env.render(name, context, (err, html) => (err ? reject(err) : resolve(html ?? "")));
    });
  }

  /**
   * Renders a template into an {@link HTMLResponse}; the context gets `request` and `url_for(name, **params)`
   * (absolute URLs, including the app's root path).
   */
  async TemplateResponse(request: Request, name: string, context: TemplateContext = {}, init: ResponseInit = {}): Promise<HTMLResponse> {
    const url_for = (route: string, ...args: unknown[]): string => {
      const params: Record<string, string | number> = {};
      for (const a of args) {
        if (a && typeof a === "object") for (const [k, v] of Object.entries(a)) if (k !== "__keywords") params[k] = v as string | number;
      }
      return request.urlFor(route, params);
    };
    const html = await this.render(name, { url_for, ...context, request });
    return new HTMLResponse(html, init);
  }
}
