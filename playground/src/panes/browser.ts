// The browser pane shows pages the app serves (its own /docs, HTML responses, templates, static
// files) in a sandboxed frame with no network of its own. The page fetches the document from the
// app, inlines the resources it links to as data: URLs, and injects a shim (browser-shim.ts)
// that sends the frame's fetches, websockets, link clicks and form posts back here, to the app.

/** Where the frame's resources come from: the app, or the site's copy of the docs assets. */
export interface BrowserSources {
  /** Sends a request to the app. */
  appFetch: (request: Request) => Promise<Response>;
  /** The origin app URLs are given (the site's own: what the request console uses too). */
  appOrigin: string;
  /** The site's `vendor/docs-assets/`, which serves what the runtime's `/_fastapi-ts/assets/` would. */
  docsAssetsUrl: string;
}

/** A page ready for the frame. */
export interface BrowserPage {
  /** The URL the app answered for, after redirects. */
  url: string;
  status: number;
  contentType: string;
  /** The document for the frame's `srcdoc`. */
  html: string;
}

const DOCS_ASSETS = "/_fastapi-ts/assets/";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
const MAX_REDIRECTS = 10;

/** Whether a URL the page names means the app (its own origin, or localhost as in examples written for a server). */
export function isAppUrl(url: URL, appOrigin: string): boolean {
  return url.origin === appOrigin || LOOPBACK.has(url.hostname);
}

/**
 * The frame has no network but the site's docs assets: only inline code, data: resources and the
 * site's static copies of Swagger UI and ReDoc, and no form may leave it.
 */
function frameCsp(docsAssetsUrl: string): string {
  const assets = new URL(docsAssetsUrl).href;
  return [
    "default-src 'none'",
    `script-src 'unsafe-inline' 'unsafe-eval' data: ${assets}`,
    `style-src 'unsafe-inline' data: ${assets}`,
    `img-src data: blob: ${assets}`,
    "font-src data:",
    // Workers the page makes from its own code (ReDoc searches in one); they inherit this policy.
    "worker-src blob:",
    "media-src data: blob:",
    "connect-src 'none'",
    "form-action 'none'",
  ].join("; ");
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function dataUrl(response: Response, fallbackType: string): Promise<string> {
  const type = (response.headers.get("content-type") ?? fallbackType).split(";")[0]!.trim() || fallbackType;
  return `data:${type};base64,${bytesToBase64(new Uint8Array(await response.arrayBuffer()))}`;
}

/** The site's copy of a docs asset the runtime would serve at `/_fastapi-ts/assets/…`, if `url` names one. */
function siteDocsAsset(url: URL, sources: BrowserSources): URL | undefined {
  return url.pathname.startsWith(DOCS_ASSETS) ? new URL(url.pathname.slice(DOCS_ASSETS.length), sources.docsAssetsUrl) : undefined;
}

/** Fetches what a URL in the page names: docs assets from the site, the rest from the app. */
async function fetchResource(url: URL, sources: BrowserSources): Promise<Response> {
  const asset = siteDocsAsset(url, sources);
  if (asset) return fetch(asset);
  return sources.appFetch(new Request(new URL(url.pathname + url.search, sources.appOrigin)));
}

/** Requests `request` from the app, following redirects within the app as a browser would. */
export async function navigate(request: Request, sources: BrowserSources): Promise<{ url: string; response: Response }> {
  let current = request;
  for (let hops = 0; ; hops++) {
    const response = await sources.appFetch(current);
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location || hops === MAX_REDIRECTS) return { url: current.url, response };
    const next = new URL(location, current.url);
    if (!isAppUrl(next, sources.appOrigin)) return { url: current.url, response };
    // 307 and 308 repeat the method and body; the others turn into a GET.
    const keep = response.status === 307 || response.status === 308;
    current = new Request(new URL(next.pathname + next.search, sources.appOrigin), keep ? current : { headers: current.headers });
  }
}

/**
 * Points each attribute naming an app resource at what the frame can load: a docs asset at the
 * site's copy (a megabyte of Swagger UI is better loaded, and cached, than inlined), anything else
 * at a data: URL of the app's answer. Unreachable ones are left (the frame cannot load them).
 */
async function inlineResources(document: Document, base: URL, sources: BrowserSources): Promise<void> {
  const targets: [Element, string, string][] = [];
  const collect = (selector: string, attribute: string, fallbackType: string) => {
    for (const element of document.querySelectorAll(selector)) targets.push([element, attribute, fallbackType]);
  };
  collect("script[src]", "src", "text/javascript");
  collect("link[href]:is([rel~=stylesheet],[rel~=icon],[rel~=modulepreload])", "href", "text/css");
  collect("img[src], source[src], video[src], audio[src]", "src", "application/octet-stream");
  await Promise.all(
    targets.map(async ([element, attribute, fallbackType]) => {
      const url = new URL(element.getAttribute(attribute)!, base);
      if (url.protocol === "data:" || !isAppUrl(url, sources.appOrigin)) return;
      const asset = siteDocsAsset(url, sources);
      if (asset) {
        element.setAttribute(attribute, asset.href);
        return;
      }
      const response = await fetchResource(url, sources).catch(() => undefined);
      if (response?.ok) element.setAttribute(attribute, await dataUrl(response, fallbackType));
    }),
  );
}

/**
 * Module scripts import the docs assets by URL (the runtime's ReDoc page does): an import map sends
 * each such URL to a data: URL of the file. (Not the site's URL: a module from another origin than
 * the frame's needs CORS headers, which a self-hosted static server may not send.)
 */
async function importMap(html: string, base: URL, sources: BrowserSources): Promise<Record<string, string>> {
  const imports: Record<string, string> = {};
  const named = new Set(html.match(/(?:https?:\/\/[^\s"'`()<>]+)?\/_fastapi-ts\/assets\/[\w.-]+\.m?js/g) ?? []);
  await Promise.all(
    [...named].map(async (text) => {
      const url = new URL(text, base);
      const response = await fetchResource(url, sources).catch(() => undefined);
      if (response?.ok) imports[url.href] = await dataUrl(response, "text/javascript");
    }),
  );
  return imports;
}

/** The frame's document for an HTML answer: resources inlined, the shim first in `<head>`. */
async function htmlPage(html: string, url: URL, sources: BrowserSources, shim: string): Promise<string> {
  const document = new DOMParser().parseFromString(html, "text/html");
  await inlineResources(document, url, sources);
  const imports = await importMap(html, url, sources);
  const head = document.head;
  const prelude = [
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(frameCsp(sources.docsAssetsUrl))}">`,
    `<base href="${escapeAttribute(url.href)}">`,
    `<script data-app-url="${escapeAttribute(url.href)}">${shim}</script>`,
    Object.keys(imports).length ? `<script type="importmap">${JSON.stringify({ imports }).replace(/</g, "\\u003c")}</script>` : "",
  ].join("");
  head.insertAdjacentHTML("afterbegin", prelude);
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
}

/** How a non-HTML answer is shown: JSON pretty-printed, text as text, images as images. */
async function otherPage(response: Response, contentType: string, url: URL, sources: BrowserSources, shim: string): Promise<string> {
  const shell = (body: string) =>
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${escapeAttribute(frameCsp(sources.docsAssetsUrl))}"><base href="${escapeAttribute(url.href)}"><script data-app-url="${escapeAttribute(url.href)}">${shim}</script><style>body{margin:0;font:13px/1.4 ui-monospace,monospace}pre{margin:0;padding:.75rem;white-space:pre-wrap;word-break:break-word}img{max-width:100%}</style></head><body>${body}</body></html>`;
  if (contentType.startsWith("image/")) return shell(`<img alt="" src="${escapeAttribute(await dataUrl(response, contentType))}">`);
  const text = await response.text();
  if (contentType.includes("json")) {
    try {
      return shell(`<pre>${escapeText(JSON.stringify(JSON.parse(text), null, 2))}</pre>`);
    } catch {
      // Not valid JSON after all: shown as it came.
    }
  }
  return shell(`<pre>${escapeText(text)}</pre>`);
}

/** Loads `request` from the app and prepares what the frame shows. */
export async function loadPage(request: Request, sources: BrowserSources, shim: string): Promise<BrowserPage> {
  const { url, response } = await navigate(request, sources);
  const contentType = response.headers.get("content-type") ?? "";
  const page = new URL(url);
  const html = contentType.includes("text/html") ? await htmlPage(await response.text(), page, sources, shim) : await otherPage(response, contentType, page, sources, shim);
  return { url, status: response.status, contentType, html };
}
