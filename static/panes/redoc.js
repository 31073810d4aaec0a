// Renders the spec the parent page posts; only the site's own pages may talk to this frame.
import { init } from "../vendor/docs-assets/redoc.standalone.js";

const element = document.getElementById("redoc");
let root;
addEventListener("message", (event) => {
  if (event.origin !== location.origin || event.data?.type !== "spec") return;
  root?.unmount();
  root = init(event.data.spec, { disableTelemetry: true }, element);
});
parent.postMessage({ type: "redoc-ready" }, location.origin);
