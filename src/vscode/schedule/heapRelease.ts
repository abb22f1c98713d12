// Gives the extension host's memory back after a burst of Mathdown's work. A long document's first
// render and lint grow the host's heap by the garbage they leave; V8 hands such pages back to the
// system once it judges the process idle (its memory reducer), which in plain Node happens soon
// after the work, but VS Code's extension host, with every extension's timers and messages, kept
// them for as long as it was watched. Once Mathdown's own work has paused, and only when the heap
// has grown well beyond what it held and much of it is unused, one full collection gives them back.
// Without vscode, so that it is testable with a fake clock.
import { CoalescingRunner, realClock, type RunnerClock } from './coalescingRunner';

/** The extension host's heap as a platform reads and collects it (Node's; the browser's host has none). */
export interface HostHeap {
  /** Bytes the heap holds from the system, and bytes its objects use. */
  usage(): { total: number; used: number };
  /** A full collection that also returns the free pages to the system; resolves when it is done. */
  collect(): Promise<void>;
}

export interface HeapReleaseOptions {
  /** How long Mathdown's work must have paused. */
  quietMs: number;
  /** How much the heap must have grown since it was last collected (or since activation). */
  minGrowth: number;
  /** How much of the heap must be unused. */
  minFree: number;
}

const MB = 1024 * 1024;

export const HEAP_RELEASE: HeapReleaseOptions = { quietMs: 10_000, minGrowth: 64 * MB, minFree: 64 * MB };

export class HeapRelease {
  readonly #heap: HostHeap | undefined;
  readonly #options: HeapReleaseOptions;
  /** Each note of work puts the collection off by `quietMs` again; a collection never overlaps another. */
  readonly #collections: CoalescingRunner<undefined>;
  #baseline: number;

  constructor(heap: HostHeap | undefined, options: HeapReleaseOptions = HEAP_RELEASE, clock: RunnerClock = realClock) {
    this.#heap = heap;
    this.#options = options;
    this.#collections = new CoalescingRunner<undefined>(
      () => this.#release(),
      () => undefined,
      clock,
    );
    this.#baseline = heap?.usage().total ?? 0;
  }

  /** Mathdown has just done some work (a render shown, a lint published): the pause is counted from now. */
  readonly noteWork = (): void => {
    if (this.#heap) this.#collections.request({ delayMs: this.#options.quietMs, arg: undefined });
  };

  dispose(): void {
    this.#collections.dispose();
  }

  async #release(): Promise<void> {
    const heap = this.#heap!;
    const { total, used } = heap.usage();
    if (total - this.#baseline < this.#options.minGrowth || total - used < this.#options.minFree) return;
    try {
      await heap.collect();
    } catch (e) {
      console.error('[mathdown] could not collect the heap', e);
    }
    this.#baseline = heap.usage().total;
  }
}
