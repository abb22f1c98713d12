// Blocks of a long document whose HTML has not been sent yet: each is a placeholder with an
// estimated height until it comes near the viewport, when its HTML is asked for and filled in.
// The page thus holds the DOM of what the reader has looked at, not of the whole document.
// Which placeholders are near is found by binary search over the blocks' offsets (the blocks are
// in document order), not with an IntersectionObserver, whose cost grows with the number of
// targets on every frame, and a long document has very many blocks.
import { lastIndexWhere } from '../shared/binarySearch';
import type { BlockHtml } from '../shared/preview';

/** Class of a block's stand-in until its HTML is asked for and sent. */
export const PLACEHOLDER = 'mathdown-pending';
/** How far outside the viewport (px) blocks are filled in ahead of the reader. */
const MARGIN = 1500;

export class DeferredBlocks {
  /** Placeholders by key (several blocks can share a key); removed ones are dropped when seen. */
  readonly #pending = new Map<string, Set<HTMLElement>>();
  readonly #wanted = new Set<string>();
  #checkScheduled = false;

  readonly #root: HTMLElement;
  readonly #request: (keys: string[]) => void;
  readonly #filled: () => void;

  constructor(root: HTMLElement, request: (keys: string[]) => void, filled: () => void) {
    this.#root = root;
    this.#request = request;
    this.#filled = filled;
    window.addEventListener('scroll', () => this.schedule(), { passive: true });
    window.addEventListener('resize', () => this.schedule());
  }

  /** A placeholder for a block of `lines` source lines. */
  placeholder(lines: number): HTMLElement {
    const el = document.createElement('div');
    el.className = `mathdown-block ${PLACEHOLDER}`;
    el.style.setProperty('--mathdown-lines', String(Math.max(1, lines)));
    return el;
  }

  /** Registers a block put on the page (a new placeholder, or a clone of one). */
  watch(el: HTMLElement): void {
    if (!el.classList.contains(PLACEHOLDER)) return;
    const key = el.dataset['key']!;
    const set = this.#pending.get(key);
    if (set) set.add(el);
    else this.#pending.set(key, new Set([el]));
    this.schedule();
  }

  /** Fills every placeholder of each block; returns how many were filled. */
  fill(blocks: readonly BlockHtml[], shift: (el: HTMLElement, fromLine: number, fromFormula: number) => void): number {
    let n = 0;
    for (const b of blocks) {
      this.#wanted.delete(b.key);
      const els = this.#pending.get(b.key);
      if (!els) continue;
      this.#pending.delete(b.key);
      for (const el of els) {
        if (!el.isConnected || !el.classList.contains(PLACEHOLDER)) continue;
        el.classList.remove(PLACEHOLDER);
        el.style.removeProperty('--mathdown-lines');
        el.innerHTML = b.html;
        shift(el, b.startLine, b.formulaBase);
        n++;
      }
    }
    if (n) {
      this.#filled();
      this.schedule();
    }
    return n;
  }

  /** Placeholders on the page. */
  pendingCount(): number {
    return this.#root.getElementsByClassName(PLACEHOLDER).length;
  }

  /** A new page state (reset): placeholders and requests of the old one are void. */
  clear(): void {
    this.#wanted.clear();
    this.#pending.clear();
  }

  /** Looks for placeholders near the viewport at the next frame (after scrolling or an update). */
  schedule(): void {
    if (this.#checkScheduled || this.#pending.size === 0) return;
    this.#checkScheduled = true;
    requestAnimationFrame(() => {
      this.#checkScheduled = false;
      this.#check();
    });
  }

  #check(): void {
    const blocks = this.#root.children;
    const top = -MARGIN;
    const bottom = window.innerHeight + MARGIN;
    const keys: string[] = [];
    for (let i = lastIndexWhere(blocks, (el) => el.getBoundingClientRect().bottom < top) + 1; i < blocks.length; i++) {
      const el = blocks[i] as HTMLElement;
      if (el.getBoundingClientRect().top > bottom) break;
      const key = el.dataset['key'];
      if (key !== undefined && el.classList.contains(PLACEHOLDER) && !this.#wanted.has(key)) {
        this.#wanted.add(key);
        keys.push(key);
      }
    }
    if (keys.length) this.#request(keys);
  }
}
