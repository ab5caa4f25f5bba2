// Keyboard focus inside a sheet: the focusable elements of a subtree, across shadow roots and
// slots, so Tab and Shift+Tab wrap around inside an open dialog instead of leaving it.

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focusable, visible elements under `root` in tab order of the composed tree (no positive tabindex support). */
export function focusableIn(root: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element) => {
    if (node instanceof HTMLSlotElement) {
      for (const child of node.assignedElements({ flatten: true })) visit(child);
      return;
    }
    if (node instanceof HTMLElement && node.matches(FOCUSABLE) && isVisible(node)) found.push(node);
    // A host's light children are reached through its slots, so only its shadow tree is walked.
    const children = node.shadowRoot ? node.shadowRoot.children : node.children;
    for (const child of children) visit(child);
  };
  visit(root);
  return found;
}

function isVisible(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** The element that really has focus, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Keeps Tab inside `container`: call from its keydown handler. */
export function trapTab(event: KeyboardEvent, container: Element): void {
  if (event.key !== 'Tab') return;
  const items = focusableIn(container);
  if (!items.length) {
    event.preventDefault();
    return;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = deepActiveElement();
  const index = active ? items.indexOf(active as HTMLElement) : -1;
  if (event.shiftKey && index <= 0) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (index === -1 || index === items.length - 1)) {
    event.preventDefault();
    first.focus();
  }
}
