// DOM side of scroll sync: measures the elements that carry `data-line` and scrolls the page.
// Scrolls this side causes itself are not reported back (echo guard), and reports are throttled.
import { lineForOffset, normaliseBoxes, offsetForLine, type LineBox } from './lineMap';

const THROTTLE_MS = 50;
const ECHO_MS = 150;

export class ScrollSync {
  private ignoreUntil = 0;
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
    const y = Math.max(0, Math.round(offsetForLine(this.boxes(), line)));
    if (Math.abs(y - window.scrollY) < 1) return;
    if (!asUser) this.ignoreUntil = Date.now() + ECHO_MS;
    window.scrollTo(0, y);
  }

  private onScroll(): void {
    if (Date.now() < this.ignoreUntil || this.timer !== undefined) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      if (Date.now() >= this.ignoreUntil) this.onUserScroll(this.topLine());
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
