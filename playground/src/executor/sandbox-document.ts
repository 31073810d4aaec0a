// The sandbox frame's document, given inline (`srcdoc`) rather than by URL. In a frame sandboxed without
// allow-same-origin (an opaque origin), no service worker answers the frame's own requests, so a frame loaded
// from a URL would not load offline; an inline document makes no request at all. App workers start from data:
// URLs and their modules from blob: URLs: with the document inline, running an app needs no network.
//
// The policy: app workers started here cannot read the site's storage, reach its service worker or other tabs,
// or make requests as the site; with connect-src 'none' they make no network requests at all. 'unsafe-eval' lets
// the app's libraries compile code at run time (Nunjucks compiles each template to a function) and WebAssembly
// the page hands them (sql.js's SQLite); it grants nothing the app's own code, already arbitrary script here,
// could not do. The one inline script is allowed by its hash (sandbox-document.test.ts checks it).
//
// Workers start from data: URLs, not blob: ones: a blob:null worker is not a secure context (no crypto.subtle,
// which jose needs to sign and verify tokens), while a data: worker of a secure page is one. A classic worker:
// Chromium does not start module workers here; the app's own modules still load as modules, through import().

/** Starts and stops app workers for the page; after "spawn" the page and the worker talk over their own port. */
export const SANDBOX_SCRIPT = `(() => {
  const workers = new Map();
  addEventListener("message", (event) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (message.type === "spawn") {
      const url = "data:text/javascript;charset=utf-8," + encodeURIComponent(message.code);
      const worker = new Worker(url, { name: message.name });
      worker.postMessage({ type: "connect" }, [message.port]);
      workers.set(message.id, worker);
    } else if (message.type === "hello") {
      parent.postMessage({ type: "sandbox-ready" }, "*");
    } else if (message.type === "terminate") {
      workers.get(message.id)?.terminate();
      workers.delete(message.id);
    }
  });
  parent.postMessage({ type: "sandbox-ready" }, "*");
})();`;

/** sha256 of {@link SANDBOX_SCRIPT}, base64: the only script the frame's policy lets run. */
export const SANDBOX_SCRIPT_HASH = "sha256-PO0c/YiAlIKLiavDRF600ZUtm/b9TIF8GeVMNDxyp+g=";

/** The frame's Content-Security-Policy. */
export const SANDBOX_POLICY = `default-src 'none'; script-src '${SANDBOX_SCRIPT_HASH}' blob: 'unsafe-eval'; worker-src data:; connect-src 'none'`;

/** The frame's whole document, for `<iframe sandbox="allow-scripts" srcdoc=…>`. */
export const SANDBOX_DOCUMENT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_POLICY}"><title>fastapi-ts sandbox</title><script>${SANDBOX_SCRIPT}</script></head><body></body></html>`;
