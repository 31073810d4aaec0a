"use strict";
// Runs first in every page the playground's browser pane shows. The frame has no network (its CSP
// says so), so the page's fetches, websockets, link clicks and form posts to the app go to the
// parent page, which hands them to the app running in its worker. See playground/src/panes/browser.ts.
(() => {
  const script = document.currentScript;
  const pageUrl = new URL(script.dataset.appUrl);
  const loopback = new Set(["localhost", "127.0.0.1", "[::1]"]);
  const isApp = (url) => url.origin === pageUrl.origin || loopback.has(url.hostname);
  const nullBody = new Set([101, 204, 205, 304]);

  /** Sends `message` to the parent with a fresh port for its answers; returns our end. */
  function ask(message, transfer = []) {
    const channel = new MessageChannel();
    parent.postMessage({ ...message, port: channel.port2 }, "*", [channel.port2, ...transfer]);
    return channel.port1;
  }

  async function toWire(request) {
    const body = request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
    return { method: request.method, url: request.url, headers: [...request.headers], body: body && body.byteLength ? body : null };
  }

  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!isApp(new URL(request.url))) return nativeFetch(request);
    const wire = await toWire(request);
    const port = ask({ type: "browser-fetch", request: wire }, wire.body ? [wire.body] : []);
    return new Promise((resolve, reject) => {
      port.onmessage = ({ data }) => {
        port.close();
        if (!data.ok) return reject(new TypeError(data.error));
        const { status, statusText, headers, body } = data.response;
        resolve(new Response(nullBody.has(status) ? null : body, { status, statusText, headers }));
      };
    });
  };

  // A WebSocket whose other end is the app: the parent relays it (same messages as the worker's sockets).
  class AppWebSocket extends EventTarget {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    constructor(url, protocols = []) {
      super();
      const target = new URL(url, pageUrl.href.replace(/^http/, "ws"));
      this.url = target.href;
      this.readyState = 0;
      this.protocol = "";
      this.binaryType = "blob";
      this.extensions = "";
      this.bufferedAmount = 0;
      for (const type of ["open", "message", "close", "error"]) {
        this["on" + type] = null;
        this.addEventListener(type, (event) => this["on" + type]?.(event));
      }
      this.port = ask({ type: "browser-websocket", url: this.url, protocols: typeof protocols === "string" ? [protocols] : [...protocols] });
      this.port.onmessage = ({ data }) => {
        if (this.readyState === 3) return;
        if (data.type === "open") {
          this.readyState = 1;
          this.protocol = data.protocol;
          this.dispatchEvent(new Event("open"));
        } else if (data.type === "message") {
          const payload = typeof data.data === "string" || this.binaryType === "arraybuffer" ? data.data : new Blob([data.data]);
          this.dispatchEvent(new MessageEvent("message", { data: payload }));
        } else {
          this.readyState = 3;
          this.port.close();
          if (data.code === 1006) this.dispatchEvent(new Event("error"));
          this.dispatchEvent(new CloseEvent("close", { code: data.code, reason: data.reason, wasClean: data.code !== 1006 }));
        }
      };
    }
    send(data) {
      if (this.readyState === 0) throw new DOMException("Still in CONNECTING state.", "InvalidStateError");
      if (this.readyState !== 1) return;
      if (typeof data === "string") this.port.postMessage({ type: "send", data });
      else if (data instanceof Blob) data.arrayBuffer().then((bytes) => this.port.postMessage({ type: "send", data: bytes }));
      else this.port.postMessage({ type: "send", data: new Uint8Array(ArrayBuffer.isView(data) ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data).buffer });
    }
    close(code = 1000, reason = "") {
      if (this.readyState >= 2) return;
      this.readyState = 2;
      this.port.postMessage({ type: "close", code, reason });
    }
  }
  window.WebSocket = AppWebSocket;

  function navigate(request) {
    toWire(request).then((wire) => ask({ type: "browser-navigate", request: wire }, wire.body ? [wire.body] : []));
  }

  // Listeners on window run after the page's own: a page that handles a click or a submit itself
  // (and calls preventDefault) keeps it.
  addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
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
    const form = event.target;
    const submitter = event.submitter;
    const method = ((submitter && submitter.getAttribute("formmethod")) || form.getAttribute("method") || "GET").toUpperCase();
    const url = new URL((submitter && submitter.getAttribute("formaction")) || form.getAttribute("action") || pageUrl.href, pageUrl);
    const data = new FormData(form, submitter || undefined);
    if (!isApp(url)) return;
    if (method === "GET") {
      url.search = new URLSearchParams(data).toString();
      navigate(new Request(url));
    } else if ((form.getAttribute("enctype") || "").toLowerCase() === "multipart/form-data") {
      navigate(new Request(url, { method, body: data }));
    } else {
      navigate(new Request(url, { method, body: new URLSearchParams(data) }));
    }
  });
})();
