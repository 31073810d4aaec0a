// Runs first in every page the playground's browser pane shows (built to vendor/browser-shim.js and
// inlined by panes/browser.ts). The frame has no network (its CSP says so), so the page's fetches,
// websockets, link clicks and form posts to the app go to the parent page, which hands them to the
// app running in its worker. It speaks the same wire format as the rest of the playground.
import { requestToWire, wireToResponse, type WireAnswer } from "../bridge/http.ts";
import { BridgedWebSocket } from "../bridge/websocket.ts";

const script = document.currentScript as HTMLScriptElement;
const pageUrl = new URL(script.dataset["appUrl"]!);
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
const isApp = (url: URL) => url.origin === pageUrl.origin || LOOPBACK.has(url.hostname);

/** Sends `message` to the parent with a fresh port for its answers; returns our end. */
function ask(message: Record<string, unknown>, transfer: Transferable[] = []): MessagePort {
  const channel = new MessageChannel();
  parent.postMessage({ ...message, port: channel.port2 }, "*", [channel.port2, ...transfer]);
  return channel.port1;
}

/** Storage that lives as long as the page, as in a private window. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  const storage = {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(String(key)) ?? null,
    setItem: (key: string, value: string) => void items.set(String(key), String(value)),
    removeItem: (key: string) => void items.delete(String(key)),
    clear: () => items.clear(),
  };
  return storage as Storage;
}

/** `document.cookie` for the page's own scripts: names and values kept while the page lives. */
function memoryCookies(): PropertyDescriptor {
  const jar = new Map<string, string>();
  return {
    configurable: true,
    enumerable: true,
    get: () => [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
    set(cookie: string) {
      const [pair = "", ...attributes] = String(cookie).split(";");
      const at = pair.indexOf("=");
      const name = (at < 0 ? "" : pair.slice(0, at)).trim();
      const value = (at < 0 ? pair : pair.slice(at + 1)).trim();
      const expired = attributes.some((attribute) => {
        const [key = "", setting = ""] = attribute.split("=").map((part) => part.trim());
        return (/^max-age$/i.test(key) && Number(setting) <= 0) || (/^expires$/i.test(key) && Date.parse(setting) <= Date.now());
      });
      if (expired) jar.delete(name);
      else jar.set(name, value);
    },
  };
}

// The frame's origin is opaque (it is sandboxed), where merely reading localStorage, sessionStorage or
// document.cookie throws a SecurityError; pages such as ReDoc's read them as they start. They get
// storage of their own instead, as in a private window. (Cookies the app sets in its responses are
// not these: the pane does not keep those.)
for (const name of ["localStorage", "sessionStorage"] as const) {
  try {
    void window[name];
  } catch {
    Object.defineProperty(window, name, { configurable: true, enumerable: true, value: memoryStorage() });
  }
}
try {
  void document.cookie;
} catch {
  Object.defineProperty(document, "cookie", memoryCookies());
}

const nativeFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init);
  if (!isApp(new URL(request.url))) return nativeFetch(request);
  const wire = await requestToWire(request);
  const port = ask({ type: "browser-fetch", request: wire }, wire.body ? [wire.body] : []);
  return new Promise((resolve, reject) => {
    port.onmessage = ({ data }: MessageEvent<WireAnswer>) => {
      port.close();
      if (data.ok) resolve(wireToResponse(data.response));
      else reject(new TypeError(data.error));
    };
  });
};

/** A WebSocket whose other end is the app: the parent relays it, as it relays the console's sockets. */
class PageWebSocket extends BridgedWebSocket {
  constructor(url: string | URL, protocols: string | string[] = []) {
    const target = new URL(url, pageUrl.href.replace(/^http/, "ws")).href;
    super(target, ask({ type: "browser-websocket", url: target, protocols: typeof protocols === "string" ? [protocols] : [...protocols] }));
  }
}
window.WebSocket = PageWebSocket as unknown as typeof WebSocket;

function navigate(request: Request): void {
  void requestToWire(request).then((wire) => ask({ type: "browser-navigate", request: wire }, wire.body ? [wire.body] : []));
}

// Listeners on window run after the page's own: a page that handles a click or a submit itself
// (and calls preventDefault) keeps it.
addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href]") : null;
  if (!link || link.hasAttribute("download")) return;
  const url = new URL(link.href);
  event.preventDefault();
  if (!isApp(url)) return;
  if (url.hash && url.pathname === pageUrl.pathname && url.search === pageUrl.search) {
    document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView();
    return;
  }
  navigate(new Request(url));
});

addEventListener("submit", (event) => {
  if (event.defaultPrevented) return;
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const submitter = event.submitter;
  const method = (submitter?.getAttribute("formmethod") || form.getAttribute("method") || "GET").toUpperCase();
  const url = new URL(submitter?.getAttribute("formaction") || form.getAttribute("action") || pageUrl.href, pageUrl);
  const data = new FormData(form, submitter);
  if (!isApp(url)) return;
  if (method === "GET") {
    url.search = new URLSearchParams(data as unknown as Record<string, string>).toString();
    navigate(new Request(url));
  } else if ((form.getAttribute("enctype") || "").toLowerCase() === "multipart/form-data") {
    navigate(new Request(url, { method, body: data }));
  } else {
    navigate(new Request(url, { method, body: new URLSearchParams(data as unknown as Record<string, string>) }));
  }
});
