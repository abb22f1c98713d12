// DOM side of scroll sync: measures the elements that carry `data-line` and scrolls the page.
// Scrolls this side causes itself are not reported back, and reports are throttled. The echo guard
// is positional, not timed: a scroll that lands where the editor sent us is an echo however late
// its event arrives, and a reader's scroll right after an editor-driven one is never swallowed.
import { lastIndexWhere } from '../shared/binarySearch';
import { lineForOffset, normaliseBoxes, offsetForLine, type LineBox } from './lineMap';

const THROTTLE_MS = 50;

export class ScrollSync {
  /** Where the last scroll this side caused itself landed, until the reader scrolls elsewhere. */
  #echoY: number | undefined;
  /** The line of that scroll, to scroll there again should the blocks above it change size. */
  #targetLine: number | undefined;
  #timer: number | undefined;

  readonly #root: HTMLElement;
  readonly #onUserScroll: (line: number) => void;

  constructor(root: HTMLElement, onUserScroll: (line: number) => void) {
    this.#root = root;
    this.#onUserScroll = onUserScroll;
    window.addEventListener('scroll', () => this.#onScroll(), { passive: true });
  }

  /** The (fractional) source line at the top of the viewport. */
  topLine(): number {
    return lineForOffset(this.#boxesAt(this.#blockAtY(window.scrollY)), window.scrollY);
  }

  /** The source line of the block under a point, for double-click. */
  lineAt(target: EventTarget | null, pageY: number): number {
    const el = target instanceof Element ? target.closest<HTMLElement>('[data-line]') : null;
    return el ? Number(el.dataset['line']) : Math.floor(lineForOffset(this.#boxesAt(this.#blockAtY(pageY)), pageY));
  }

  /** Scrolls to `line`; `asUser` reports it like a scroll the reader made (test hook). */
  scrollToLine(line: number, asUser = false): void {
    const maxY = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
    const y = Math.min(maxY, Math.max(0, Math.round(offsetForLine(this.#boxesAt(this.#blockAtLine(line)), line))));
    this.#echoY = asUser ? undefined : y;
    this.#targetLine = asUser ? undefined : line;
    if (Math.abs(y - window.scrollY) < 1) return;
    window.scrollTo(0, y);
  }

  /** Blocks were filled in: until the reader scrolls, keep the line the editor sent on top. */
  settle(): void {
    if (this.#targetLine !== undefined) this.scrollToLine(this.#targetLine);
  }

  #onScroll(): void {
    if (this.#timer !== undefined) return;
    this.#timer = window.setTimeout(() => {
      this.#timer = undefined;
      if (this.#echoY !== undefined && Math.abs(window.scrollY - this.#echoY) < 2) return;
      this.#echoY = this.#targetLine = undefined;
      this.#onUserScroll(this.topLine());
    }, THROTTLE_MS);
  }

  /**
   * The boxes of the blocks around block `index` and of everything inside them: enough to
   * interpolate there, and measuring a handful of blocks keeps scrolling cheap on documents with
   * very many of them (the blocks are the content root's children, in document order).
   */
  #boxesAt(index: number): LineBox[] {
    const blocks = this.#root.children;
    const boxes: LineBox[] = [];
    for (let i = Math.max(0, index - 1); i <= Math.min(blocks.length - 1, index + 1); i++) {
      const block = blocks[i] as HTMLElement;
      for (const el of [block, ...Array.from(block.querySelectorAll<HTMLElement>('[data-line]'))]) {
        const line = Number(el.dataset['line']);
        if (!Number.isFinite(line)) continue;
        const rect = el.getBoundingClientRect();
        if (rect.height === 0 && rect.width === 0) continue; // hidden (closed <details>, display: none)
        const end = Number(el.dataset['endLine']);
        boxes.push({ line, endLine: Number.isFinite(end) ? end : line + 1, top: rect.top + window.scrollY, height: rect.height });
      }
    }
    return normaliseBoxes(boxes);
  }

  /** Index of the last block starting at or above document offset `y`. */
  #blockAtY(y: number): number {
    const top = y - window.scrollY;
    return this.#lastBlock((el) => el.getBoundingClientRect().top <= top);
  }

  /** Index of the last block starting at or before source `line`. */
  #blockAtLine(line: number): number {
    return this.#lastBlock((el) => Number(el.dataset['line']) <= line);
  }

  #lastBlock(before: (el: HTMLElement) => boolean): number {
    return Math.max(0, lastIndexWhere(this.#root.children as HTMLCollectionOf<HTMLElement>, before));
  }
}
