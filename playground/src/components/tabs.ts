// Keyboard for a tab strip, as the ARIA tabs pattern has it: the arrow keys, Home and End move to a neighbouring tab
// and select it; only the selected tab is in the Tab order (roving tabindex: `tabindex={selected ? 0 : -1}`).

/**
 * Handles a keydown on a `role="tablist"`: returns the id of the tab to select, or undefined for other keys.
 * Focus moves to that tab (the element with `data-tab-id`).
 */
export function tabFromKey<Id extends string>(event: KeyboardEvent, ids: readonly Id[], current: Id): Id | undefined {
  const index = ids.indexOf(current);
  let next: number;
  switch (event.key) {
    case "ArrowRight":
      next = (index + 1) % ids.length;
      break;
    case "ArrowLeft":
      next = (index - 1 + ids.length) % ids.length;
      break;
    case "Home":
      next = 0;
      break;
    case "End":
      next = ids.length - 1;
      break;
    default:
      return undefined;
  }
  event.preventDefault();
  const id = ids[next]!;
  const list = event.currentTarget as HTMLElement;
  list.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(id)}"]`)?.focus();
  return id;
}
