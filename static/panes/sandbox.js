"use strict";
// Starts and stops app workers for the page that embeds this sandboxed frame. The page sends the
// worker's code and a MessagePort; from then on the page and the worker talk over that port directly.
(() => {
  const workers = new Map();
  addEventListener("message", (event) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (message.type === "spawn") {
      // A data: URL, not a blob: one: a worker from a blob:null URL is not a secure context (no
      // crypto.subtle), while one from a data: URL is, when this page is. A classic worker: Chromium
      // does not start module workers here. The app's own modules still load as modules, through import().
      const url = `data:text/javascript;charset=utf-8,${encodeURIComponent(message.code)}`;
      const worker = new Worker(url, { name: message.name });
      worker.postMessage({ type: "connect" }, [message.port]);
      workers.set(message.id, worker);
    } else if (message.type === "hello") {
      // A page that found this frame already in its markup asks whether it is ready.
      parent.postMessage({ type: "sandbox-ready" }, "*");
    } else if (message.type === "terminate") {
      workers.get(message.id)?.terminate();
      workers.delete(message.id);
    }
  });
  parent.postMessage({ type: "sandbox-ready" }, "*");
})();
