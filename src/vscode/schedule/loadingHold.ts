// A preview page that is loading holds its document's other work (lint on open) the way a first
// screen being rendered does (FirstScreens): the webview's start and then the first screen get the
// cores first. The render takes over the hold once it starts; a page that does not get that far
// within the time limit (a webview that never loads) lets the work go. Without vscode, so that it
// is testable with a fake clock.
import { realClock, type RunnerClock } from './coalescingRunner';
import type { FirstScreens } from './firstScreens';

/** How long a loading page holds its document's work at most (a webview starts in seconds, slower on a busy machine). */
export const LOADING_HOLD_MS = 60_000;

export class LoadingHold {
  readonly #firstScreens: FirstScreens | undefined;
  readonly #clock: RunnerClock;
  readonly #maxMs: number;
  #release: (() => void) | undefined;

  constructor(firstScreens: FirstScreens | undefined, clock: RunnerClock = realClock, maxMs = LOADING_HOLD_MS) {
    this.#firstScreens = firstScreens;
    this.#clock = clock;
    this.#maxMs = maxMs;
  }

  /** A page of `uri` starts loading: holds that document's work (ending any earlier hold). */
  hold(uri: string): void {
    this.release();
    const end = this.#firstScreens?.begin(uri);
    if (!end) return;
    const timer = this.#clock.setTimeout(() => this.release(), this.#maxMs);
    this.#release = () => {
      this.#clock.clearTimeout(timer);
      end();
    };
  }

  /** The render started (it holds the work itself), the page closed, or the time is up. */
  release(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}
