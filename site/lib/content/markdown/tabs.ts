// Tabs: a `:::: tabs` container holding `::: tab Label` containers. Rendered as an ARIA tablist whose first panel
// shows; site/lib/content/tabs.ts makes the tabs switch in the browser.
import container from "markdown-it-container";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { ContentError } from "../errors.ts";
import { pageEnv } from "./env.ts";

interface TabsMeta {
  group: number;
  labels: string[];
}
interface TabMeta {
  group: number;
  index: number;
}

// What the core rule learns about each tabs/tab token, for the renderer.
const tabsMeta = new WeakMap<Token, TabsMeta>();
const tabMeta = new WeakMap<Token, TabMeta>();

export function tabs(md: MarkdownIt): void {
  md.use(container, "tabs", { render: (tokens: Token[], index: number) => renderTabs(md, tokens[index]!) });
  md.use(container, "tab", { render: (tokens: Token[], index: number) => renderTab(tokens[index]!) });

  md.core.ruler.push("page_tabs", (state: StateCore) => {
    if (state.inlineMode) return; // md.renderInline() of a title: not a page
    const env = pageEnv(state.env);
    const open: { meta: TabsMeta; level: number }[] = [];
    for (const token of state.tokens) {
      if (token.type === "container_tabs_open") {
        const meta: TabsMeta = { group: ++env.tabGroups, labels: [] };
        tabsMeta.set(token, meta);
        open.push({ meta, level: token.level });
      } else if (token.type === "container_tabs_close") {
        if (!open.pop()?.meta.labels.length) throw new ContentError(`${env.source}: a "tabs" container holds no "::: tab Label"`);
      } else if (token.type === "container_tab_open") {
        const where = `${env.source}:${(token.map?.[0] ?? 0) + 1}`;
        const owner = open.at(-1);
        if (!owner || token.level !== owner.level + 1) throw new ContentError(`${where}: "::: tab" belongs directly inside ":::: tabs"`);
        const label = token.info.trim().slice("tab".length).trim();
        if (!label) throw new ContentError(`${where}: a tab needs a label`);
        tabMeta.set(token, { group: owner.meta.group, index: owner.meta.labels.length });
        owner.meta.labels.push(label);
      }
    }
  });
}

function renderTabs(md: MarkdownIt, token: Token): string {
  if (token.nesting !== 1) return "</div>\n";
  const { group, labels } = tabsMeta.get(token) ?? { group: 0, labels: [] };
  const buttons = labels.map(
    (label, index) =>
      `<button type="button" role="tab" id="tab-${group}-${index}" aria-controls="panel-${group}-${index}" ` +
      `aria-selected="${index === 0}" tabindex="${index === 0 ? 0 : -1}">${md.utils.escapeHtml(label)}</button>`,
  );
  return `<div class="tabs" data-tabs><div class="tab-list" role="tablist">${buttons.join("")}</div>\n`;
}

function renderTab(token: Token): string {
  if (token.nesting !== 1) return "</div>\n";
  const { group, index } = tabMeta.get(token) ?? { group: 0, index: 0 };
  return (
    `<div class="tab-panel" role="tabpanel" id="panel-${group}-${index}" aria-labelledby="tab-${group}-${index}" ` +
    `tabindex="0"${index === 0 ? "" : " hidden"}>\n`
  );
}
