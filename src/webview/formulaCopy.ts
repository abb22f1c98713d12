// Getting math out of the preview: each formula's source as written (kept in step with the page by
// the updates' `formulaSources`), its MathML (MathJax's assistive MathML) and a standalone SVG; the
// context menu's copy commands ask for them, and copying a selection puts the formulas' sources in
// the plain text instead of nothing (an SVG holds no text).
import type { FormulaCopies, SourcesChange } from '../shared/preview';

const FORMULA = '[data-formula]';
const XLINK = 'http://www.w3.org/1999/xlink';

/** Each formula's source, by its `data-formula` index. */
export class FormulaSources {
  #items: readonly string[] = [];

  apply(change: SourcesChange): void {
    const { start, deleteCount, items } = change;
    // concat rather than splice(...items): a long document's list is longer than an argument list may be.
    this.#items = change.reset ? items : this.#items.slice(0, start).concat(items, this.#items.slice(start + deleteCount));
  }

  get(index: number): string | undefined {
    return this.#items[index];
  }
}

/** The formula element (the one with `data-formula`) holding `node`, if any. */
export function formulaOf(node: EventTarget | Node | null): HTMLElement | null {
  const el = node instanceof Element ? node : node instanceof Node ? node.parentElement : null;
  return el?.closest<HTMLElement>(FORMULA) ?? null;
}

/** Makes the formulas under `el` reachable with Tab (Shift+F10 then opens their context menu). */
export function focusableFormulas(el: Element): void {
  for (const f of el.querySelectorAll(FORMULA)) f.setAttribute('tabindex', '0');
}

/** `svg` (changed in place) with the glyphs its `<use>`s take from the page's shared font cache inside it. */
function withGlyphs(svg: SVGSVGElement, fontDefs: Element): SVGSVGElement {
  const ids = new Set<string>();
  for (const use of svg.querySelectorAll('use')) {
    const href = use.getAttribute('href') ?? use.getAttributeNS(XLINK, 'href') ?? '';
    if (href.startsWith('#')) ids.add(href.slice(1));
  }
  if (ids.size > 0) {
    const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
    for (const id of ids) {
      const glyph = fontDefs.querySelector(`[id="${CSS.escape(id)}"]`);
      if (glyph) defs.appendChild(glyph.cloneNode(true));
    }
    svg.insertBefore(defs, svg.firstChild);
  }
  svg.removeAttribute('aria-hidden');
  return svg;
}

/** What the copy commands put on the clipboard for formula element `el`; null without its source. */
export function formulaCopies(el: Element, sources: FormulaSources, fontDefs: Element): FormulaCopies | null {
  const tex = sources.get(Number(el.getAttribute('data-formula')));
  if (tex === undefined) return null;
  const math = el.querySelector('mjx-assistive-mml > math');
  const svg = el.querySelector<SVGSVGElement>('mjx-container > svg');
  const serializer = new XMLSerializer();
  return {
    tex,
    mathml: math ? serializer.serializeToString(math) : '',
    svg: svg ? serializer.serializeToString(withGlyphs(svg.cloneNode(true) as SVGSVGElement, fontDefs)) : '',
  };
}

/** Gives the formula under the pointer (or the focused one, from the keyboard) the context that shows the copy entries. */
export function markFormulaContext(event: Event): void {
  const f = formulaOf(event.target);
  if (!f) return;
  f.setAttribute(
    'data-vscode-context',
    JSON.stringify({ webviewSection: 'formula', mathdownFormula: Number(f.getAttribute('data-formula')) }),
  );
}

/** The text of `fragment` as the page lays it out (line breaks between blocks), read from a rendered, off-screen copy. */
function laidOutText(fragment: DocumentFragment): string {
  const box = document.createElement('div');
  box.className = 'mathdown-content';
  box.style.cssText = 'position:fixed;left:-100000px;top:0;width:800px';
  box.appendChild(fragment);
  document.body.appendChild(box);
  const text = box.innerText;
  box.remove();
  return text;
}

/**
 * The clipboard's text and HTML for the selection `range` when it holds formulas (a boundary inside
 * a formula takes the whole formula); undefined when it holds none (the browser's own copy is right).
 */
export function selectionCopies(range: Range, sources: FormulaSources, fontDefs: Element): { text: string; html: string } | undefined {
  const whole = range.cloneRange();
  const first = formulaOf(whole.startContainer);
  if (first) whole.setStartBefore(first);
  const last = formulaOf(whole.endContainer);
  if (last) whole.setEndAfter(last);
  const forText = whole.cloneContents();
  const formulas = [...forText.querySelectorAll(FORMULA)];
  if (formulas.length === 0) return undefined;
  const forHtml = forText.cloneNode(true) as DocumentFragment;
  for (const f of formulas) f.replaceWith(sources.get(Number(f.getAttribute('data-formula'))) ?? f.textContent ?? '');
  for (const f of forHtml.querySelectorAll(FORMULA)) {
    // The rendered formula stays; its hidden MathML would show beside it where the page's CSS does not go.
    for (const mml of f.querySelectorAll('mjx-assistive-mml')) mml.remove();
    for (const svg of f.querySelectorAll<SVGSVGElement>('mjx-container > svg')) withGlyphs(svg, fontDefs);
    f.removeAttribute('tabindex');
    f.removeAttribute('data-vscode-context');
  }
  const holder = document.createElement('div');
  holder.appendChild(forHtml);
  return { text: laidOutText(forText), html: holder.innerHTML };
}

/** The page's copy handler: formulas become their sources in the text, the HTML keeps them rendered. */
export function handleCopy(root: Element, sources: FormulaSources, fontDefs: Element): void {
  document.addEventListener('copy', (e) => {
    const selection = document.getSelection();
    if (!e.clipboardData || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return;
    const copies = selectionCopies(range, sources, fontDefs);
    if (!copies) return;
    e.clipboardData.setData('text/plain', copies.text);
    e.clipboardData.setData('text/html', copies.html);
    e.preventDefault();
  });
}
