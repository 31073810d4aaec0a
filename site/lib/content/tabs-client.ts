// Makes the rendered tabs work in the browser: click or arrow keys select a tab; choosing a label selects the same
// label in the page's other tab groups, so a reader who picks "TypeScript" once sees it everywhere. An example's file
// tabs switch only their own example.
import type { Action } from "svelte/action";

function select(tab: HTMLElement, focus: boolean): void {
  const list = tab.closest('[role="tablist"]');
  if (!list) return;
  for (const other of list.querySelectorAll<HTMLElement>('[role="tab"]')) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    const panel = document.getElementById(other.getAttribute("aria-controls") ?? "");
    if (panel) panel.hidden = !selected;
  }
  if (focus) tab.focus();
}

function selectEverywhere(root: HTMLElement, tab: HTMLElement): void {
  const label = tab.textContent;
  if (tab.closest("[data-tabs]")) {
    for (const other of root.querySelectorAll<HTMLElement>('[data-tabs] [role="tab"]')) {
      if (other !== tab && other.textContent === label) select(other, false);
    }
  }
  select(tab, true);
}

export const tabs: Action<HTMLElement> = (root) => {
  const onClick = (event: MouseEvent) => {
    const tab = (event.target as Element | null)?.closest<HTMLElement>('[role="tab"]');
    if (tab && root.contains(tab)) selectEverywhere(root, tab);
  };
  const onKeydown = (event: KeyboardEvent) => {
    const tab = (event.target as Element | null)?.closest<HTMLElement>('[role="tab"]');
    const list = tab?.closest('[role="tablist"]');
    if (!tab || !list) return;
    const all = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
    const at = all.indexOf(tab);
    const target =
      event.key === "ArrowRight" ? all[(at + 1) % all.length]
      : event.key === "ArrowLeft" ? all[(at - 1 + all.length) % all.length]
      : event.key === "Home" ? all[0]
      : event.key === "End" ? all.at(-1)
      : undefined;
    if (!target) return;
    event.preventDefault();
    selectEverywhere(root, target);
  };
  root.addEventListener("click", onClick);
  root.addEventListener("keydown", onKeydown);
  return {
    destroy() {
      root.removeEventListener("click", onClick);
      root.removeEventListener("keydown", onKeydown);
    },
  };
};
