// Patches the preview's blocks in place: unchanged blocks (same key) keep their DOM nodes, so
// scroll position, open <details> and the browser's layout survive an update without a flash.
import { PLACEHOLDER, type DeferredBlocks } from './deferredBlocks';
import { focusableFormulas } from './formulaCopy';
import type { BlockHtml, ToWebview } from '../shared/preview';

/** The part of an update message the patcher applies. */
export type BlockChange = Pick<ToWebview.Update, 'blocks' | 'reset' | 'keepHead' | 'keepTail' | 'lineShift' | 'formulaShift'>;

export class BlockPatcher {
  /** Blocks built from HTML so far (a measure of how much each update really changed). */
  created = 0;

  readonly #root: HTMLElement;
  readonly #deferred: DeferredBlocks;

  constructor(root: HTMLElement, deferred: DeferredBlocks) {
    this.#root = root;
    this.#deferred = deferred;
  }

  /** Fills placeholders with the HTML the extension sent for them. */
  fill(blocks: readonly BlockHtml[]): number {
    return this.#deferred.fill(blocks, (el, fromLine, fromFormula) => {
      shift(el, 'data-line', Number(el.dataset['line']) - fromLine);
      shift(el, 'data-formula', Number(el.dataset['formulaBase']) - fromFormula);
      focusableFormulas(el);
    });
  }

  /**
   * Keeps the first `keepHead` and last `keepTail` blocks (shifting the tail's numbers) and
   * replaces the blocks between with `blocks`, reusing the replaced ones whose key comes back.
   * Returns false (and changes nothing) when the update does not fit what the page holds.
   */
  apply(change: BlockChange): boolean {
    const { blocks, reset } = change;
    const current = reset ? [] : this.#keyedBlocks();
    const keepHead = reset ? 0 : change.keepHead;
    const keepTail = reset ? 0 : change.keepTail;
    if (keepHead + keepTail > current.length) return false;
    const replaced = current.slice(keepHead, current.length - keepTail);
    const tail = current.slice(current.length - keepTail);
    const pool = new Map<string, HTMLElement[]>();
    for (const el of replaced) {
      const key = el.dataset['key']!;
      const list = pool.get(key);
      if (list) list.push(el);
      else pool.set(key, [el]);
    }
    if (!blocks.every((b) => b.html !== undefined || b.deferred || pool.has(b.key))) return false;
    if (reset) this.#deferred.clear();
    const removedByLine = new Map<number, HTMLElement>();
    const used = new Map<string, HTMLElement>();
    const firstOf = new Map([...pool].map(([key, els]) => [key, els[0]!]));
    const next = blocks.map((b) => {
      const reused = pool.get(b.key)?.shift();
      const original = used.get(b.key) ?? firstOf.get(b.key);
      // A deferred block becomes a copy only of a placeholder: copies of typeset blocks far from the
      // reader would make the page as heavy as the placeholders are meant to keep it light.
      const copy = original && !(b.deferred && !original.classList.contains(PLACEHOLDER)) ? original : undefined;
      const el =
        reused ??
        (b.html !== undefined ? createBlock(b.html) : copy ? cloneBlock(copy) : this.#deferred.placeholder(b.endLine - b.startLine));
      if (b.html === undefined || reused) moveBlock(el, b.startLine, b.formulaBase);
      else this.created++;
      setData(el, 'key', b.key);
      setData(el, 'line', String(b.startLine));
      setData(el, 'endLine', String(b.endLine));
      setData(el, 'formulaBase', String(b.formulaBase));
      if (!reused) this.#deferred.watch(el);
      used.set(b.key, el);
      return { el, reused: reused !== undefined, line: b.startLine };
    });
    for (const els of pool.values()) {
      for (const el of els) {
        removedByLine.set(Number(el.dataset['line']), el);
        el.remove();
      }
    }
    if (reset) this.#root.replaceChildren();
    for (const n of next) {
      const old = n.reused ? undefined : removedByLine.get(n.line);
      if (old) keepDetailsOpen(old, n.el);
    }
    let cursor = keepHead > 0 ? current[keepHead - 1]!.nextElementSibling : this.#root.firstElementChild;
    for (const { el } of next) {
      if (el === cursor) cursor = cursor.nextElementSibling;
      else this.#root.insertBefore(el, cursor);
    }
    if (change.lineShift || change.formulaShift) {
      for (const el of tail) {
        moveBlock(el, Number(el.dataset['line']) + change.lineShift, Number(el.dataset['formulaBase']) + change.formulaShift);
        setData(el, 'line', String(Number(el.dataset['line']) + change.lineShift));
        setData(el, 'endLine', String(Number(el.dataset['endLine']) + change.lineShift));
        setData(el, 'formulaBase', String(Number(el.dataset['formulaBase']) + change.formulaShift));
      }
    }
    this.#deferred.schedule();
    return true;
  }

  /** The page's blocks; anything else in the content root is dropped. */
  #keyedBlocks(): HTMLElement[] {
    const blocks: HTMLElement[] = [];
    for (const el of Array.from(this.#root.children) as HTMLElement[]) {
      if (el.dataset['key'] === undefined) el.remove();
      else blocks.push(el);
    }
    return blocks;
  }
}

/** Attribute writes invalidate style even when the value is the same: write only changes. */
function setData(el: HTMLElement, name: string, value: string): void {
  if (el.dataset[name] !== value) el.dataset[name] = value;
}

function createBlock(html: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'mathdown-block';
  el.innerHTML = html;
  focusableFormulas(el);
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
