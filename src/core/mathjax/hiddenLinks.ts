// With assistive MathML, MathJax hides the SVG from assistive technology (aria-hidden) and lets the
// MathML beside it be read. A link drawn inside that SVG (\eqref, \href) would still take the
// keyboard focus, and a focusable element inside a hidden one is announced as nothing: such links
// leave the Tab order (the pointer still follows them).
import type { LiteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';

export function unfocusHiddenLinks(adaptor: LiteAdaptor, root: LiteElement): void {
  for (const svg of adaptor.tags(root, 'svg')) {
    if (adaptor.getAttribute(svg, 'aria-hidden') !== 'true') continue;
    for (const a of adaptor.tags(svg, 'a')) adaptor.setAttribute(a, 'tabindex', '-1');
  }
}
