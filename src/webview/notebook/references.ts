// A click on an equation reference (`\eqref`, MyST's {eq}) in a Markdown cell reveals the labelled
// equation, which may be in another cell.
//
// VS Code's notebook webview follows in-page links itself: its click handler (webviewPreloads.ts)
// takes the first HTML <a href="#id"> of the event's composed path, looks the id up in the document
// and then in each Markdown cell's shadow root (`.preview`), and asks the notebook editor to scroll
// there (`scroll-to-reveal`), which brings that cell into view; a link it does not find it cancels.
// MathJax's link is an SVG <a> (not an HTMLAnchorElement, which that handler skips) and its href
// is percent-encoded (`#mjx-eqn%3Aeq%3Anorm`, which no getElementById finds). So the click is
// passed on as a click on an HTML link to the target, under an id lent to it for the click.
// The webview draws cells as they come near the viewport: when the target's cell is not drawn, or
// the handler did not follow the link, the extension reveals the cell that defines the label.

/** The id the target carries while the notebook's handler looks for it. */
const LENT_ID = 'mathdown-reveal-target';

/** Every shadow root in the page: VS Code's Markdown renderer draws each cell in one. */
export function shadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const host of document.querySelectorAll('*')) if (host.shadowRoot) roots.push(host.shadowRoot);
  return roots;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Follows clicks on in-page links inside elements of class `cellClass`; `reveal(id)` is called
 * when the notebook's own handler cannot scroll to the element with that id.
 */
export function followReferences(cellClass: string, reveal: (id: string) => void): void {
  let passing = false;
  document.addEventListener(
    'click',
    (e) => {
      if (passing) return;
      const path = e.composedPath();
      if (!path.some((n) => n instanceof HTMLElement && n.classList.contains(cellClass))) return;
      const link = path.find((n): n is Element => n instanceof Element && n.localName === 'a');
      const href = link?.getAttribute('href') ?? link?.getAttribute('xlink:href');
      if (!href?.startsWith('#') || href.length < 2) return;
      // The cell's own click (selecting it) and the handler's reading of the encoded href are not wanted.
      e.preventDefault();
      e.stopPropagation();
      const id = decodeFragment(href.slice(1));
      const target = shadowRoots()
        .map((root) => root.getElementById(id))
        .find((t) => t !== null);
      if (!target || !passToNotebook(target)) reveal(id);
    },
    true,
  );

  /** Clicks an HTML link to `target` for the notebook's handler; false when the handler did not follow it. */
  function passToNotebook(target: Element): boolean {
    const own = target.getAttribute('id');
    const a = document.createElement('a');
    a.href = `#${LENT_ID}`;
    a.hidden = true;
    let followed = false;
    // Runs after the notebook's handler (on document.body), which stops a link it could not follow;
    // the webview itself never navigates to the fragment.
    const after = (ev: Event): void => {
      followed = !ev.defaultPrevented;
      ev.preventDefault();
    };
    window.addEventListener('click', after);
    target.id = LENT_ID;
    document.body.append(a);
    passing = true;
    try {
      a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: window }));
    } finally {
      passing = false;
      a.remove();
      window.removeEventListener('click', after);
      if (own === null) target.removeAttribute('id');
      else target.id = own;
    }
    return followed;
  }
}
