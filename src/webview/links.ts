// Clicks on links: in-page anchors (headings, MathJax's \eqref targets) scroll inside the
// preview; everything else goes to the extension, which opens files in the editor and URLs
// in the browser.
export function handleLinkClicks(onOpen: (href: string) => void, onMissingAnchor: (anchor: string) => void): void {
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target instanceof Element ? e.target.closest('a') : null;
      const href = a?.getAttribute('href') ?? a?.getAttribute('xlink:href');
      if (!a || !href) return;
      e.preventDefault();
      if (!href.startsWith('#')) onOpen(href);
      else if (!scrollToAnchor(href.slice(1))) onMissingAnchor(href.slice(1));
    },
    true,
  );
}

export function scrollToAnchor(fragment: string): boolean {
  let id = fragment;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    /* keep it as written */
  }
  const target = document.getElementById(id) ?? document.getElementById(fragment) ?? document.getElementsByName(id)[0];
  if (!target) return false;
  target.scrollIntoView({ block: 'start' });
  return true;
}
