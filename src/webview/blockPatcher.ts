// Patches the preview's blocks in place: unchanged blocks (same key) keep their DOM nodes, so
// scroll position, open <details> and the browser's layout survive an update without a flash.
import type { BlockUpdate } from './protocol';

export class BlockPatcher {
  /** Blocks built from HTML so far (a measure of how much each update really changed). */
  created = 0;

  constructor(private readonly root: HTMLElement) {}

  /** Applies an update; returns false (and changes nothing) when a block's HTML is missing. */
  apply(blocks: readonly BlockUpdate[], reset: boolean): boolean {
    const pool = reset ? new Map<string, HTMLElement[]>() : this.pool();
    if (!blocks.every((b) => b.html !== undefined || pool.has(b.key))) return false;
    const removedByLine = new Map<number, HTMLElement>();
    const used = new Map<string, HTMLElement>();
    const next = blocks.map((b) => {
      const reused = pool.get(b.key)?.shift();
      const el = reused ?? (b.html !== undefined ? createBlock(b.html) : cloneBlock(used.get(b.key) ?? this.any(b.key)));
      if (b.html === undefined || reused) moveBlock(el, b.startLine, b.formulaBase);
      else this.created++;
      el.dataset['key'] = b.key;
      el.dataset['line'] = String(b.startLine);
      el.dataset['endLine'] = String(b.endLine);
      el.dataset['formulaBase'] = String(b.formulaBase);
      used.set(b.key, el);
      return { el, reused: reused !== undefined, line: b.startLine };
    });
    for (const els of pool.values()) {
      for (const el of els) {
        removedByLine.set(Number(el.dataset['line']), el);
        el.remove();
      }
    }
    if (reset) this.root.replaceChildren();
    for (const n of next) {
      const old = n.reused ? undefined : removedByLine.get(n.line);
      if (old) keepDetailsOpen(old, n.el);
    }
    let cursor = this.root.firstElementChild;
    for (const { el } of next) {
      if (el === cursor) cursor = cursor.nextElementSibling;
      else this.root.insertBefore(el, cursor);
    }
    return true;
  }

  private pool(): Map<string, HTMLElement[]> {
    const pool = new Map<string, HTMLElement[]>();
    for (const el of Array.from(this.root.children) as HTMLElement[]) {
      const key = el.dataset['key'];
      if (key === undefined) { el.remove(); continue; }
      const list = pool.get(key);
      if (list) list.push(el); else pool.set(key, [el]);
    }
    return pool;
  }

  private any(key: string): HTMLElement {
    const el = Array.from(this.root.children).find((c) => (c as HTMLElement).dataset['key'] === key);
    if (!el) throw new Error(`no block ${key}`);
    return el as HTMLElement;
  }
}

function createBlock(html: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'mathdown-block';
  el.innerHTML = html;
  return el;
}

/** A kept block whose source moved: shift its line and formula numbers by the same amount. */
function moveBlock(el: HTMLElement, startLine: number, formulaBase: number): void {
  shift(el, 'data-line', startLine - Number(el.dataset['line'] ?? startLine));
  shift(el, 'data-formula', formulaBase - Number(el.dataset['formulaBase'] ?? formulaBase));
}

function shift(el: HTMLElement, attribute: string, delta: number): void {
  if (!delta) return;
  for (const inner of Array.from(el.querySelectorAll(`[${attribute}]`))) {
    inner.setAttribute(attribute, String(Number(inner.getAttribute(attribute)) + delta));
  }
}

function cloneBlock(el: HTMLElement): HTMLElement {
  return el.cloneNode(true) as HTMLElement;
}

/** An edited block comes back with its <details> closed; reopen the ones the reader had open. */
function keepDetailsOpen(from: HTMLElement, to: HTMLElement): void {
  const before = from.querySelectorAll('details');
  const after = to.querySelectorAll('details');
  before.forEach((d, i) => {
    if (d.open && after[i]) after[i]!.open = true;
  });
}
