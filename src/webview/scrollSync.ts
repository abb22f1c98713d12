// DOM side of scroll sync: measures the elements that carry `data-line` and scrolls the page.
// Scrolls this side causes itself are not reported back, and reports are throttled. The echo guard
// is positional, not timed: a scroll that lands where the editor sent us is an echo however late
// its event arrives, and a reader's scroll right after an editor-driven one is never swallowed.
import { lineForOffset, normaliseBoxes, offsetForLine, type LineBox } from './lineMap';

const THROTTLE_MS = 50;

export class ScrollSync {
  /** Where the last scroll this side caused itself landed, until the reader scrolls elsewhere. */
  private echoY: number | undefined;
  private timer: number | undefined;

  constructor(private readonly root: HTMLElement, private readonly onUserScroll: (line: number) => void) {
    window.addEventListener('scroll', () => this.onScroll(), { passive: true });
  }

  /** The (fractional) source line at the top of the viewport. */
  topLine(): number {
    return lineForOffset(this.boxes(), window.scrollY);
  }

  /** The source line of the block under a point, for double-click. */
  lineAt(target: EventTarget | null, pageY: number): number {
    const el = target instanceof Element ? target.closest<HTMLElement>('[data-line]') : null;
    return el ? Number(el.dataset['line']) : Math.floor(lineForOffset(this.boxes(), pageY));
  }

  /** Scrolls to `line`; `asUser` reports it like a scroll the reader made (test hook). */
  scrollToLine(line: number, asUser = false): void {
    const maxY = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
    const y = Math.min(maxY, Math.max(0, Math.round(offsetForLine(this.boxes(), line))));
    this.echoY = asUser ? undefined : y;
    if (Math.abs(y - window.scrollY) < 1) return;
    window.scrollTo(0, y);
  }

  private onScroll(): void {
    if (this.timer !== undefined) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      if (this.echoY !== undefined && Math.abs(window.scrollY - this.echoY) < 2) return;
      this.echoY = undefined;
      this.onUserScroll(this.topLine());
    }, THROTTLE_MS);
  }

  private boxes(): LineBox[] {
    const boxes: LineBox[] = [];
    for (const el of Array.from(this.root.querySelectorAll<HTMLElement>('[data-line]'))) {
      const line = Number(el.dataset['line']);
      if (!Number.isFinite(line)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.height === 0 && rect.width === 0) continue; // hidden (closed <details>, display: none)
      const end = Number(el.dataset['endLine']);
      boxes.push({ line, endLine: Number.isFinite(end) ? end : line + 1, top: rect.top + window.scrollY, height: rect.height });
    }
    return normaliseBoxes(boxes);
  }
}
