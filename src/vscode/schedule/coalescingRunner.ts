// Runs one piece of work per burst of requests: at once when idle (the leading edge), and while a
// run is in progress, once more after it with the latest state, however many requests came in
// between. With a delay, it waits that long after the last request first (a classic debounce),
// then runs the same way. Without vscode, so that its timing is testable with a fake clock.

/** The timer functions the runner uses (setTimeout/clearTimeout, or a test's fake clock). */
export interface RunnerClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: RunnerClock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RunRequest<T> {
  /** Milliseconds to wait after this request before running; 0 runs on the leading edge. */
  readonly delayMs: number;
  /** Merged into the pending run's argument (e.g. "resend everything"): see `merge`. */
  readonly arg: T;
}

export class CoalescingRunner<T> {
  readonly #run: (arg: T) => Promise<void>;
  readonly #merge: (a: T, b: T) => T;
  readonly #clock: RunnerClock;
  #timer: unknown;
  #running = false;
  /** The argument of the run owed after the current one (or after the timer), if any. */
  #pending: { arg: T } | undefined;
  #disposed = false;

  /**
   * `run` does the work (its failures are its own: a rejection is swallowed); `merge` combines the
   * arguments of requests that end up in one run.
   */
  constructor(run: (arg: T) => Promise<void>, merge: (a: T, b: T) => T, clock: RunnerClock = realClock) {
    this.#run = run;
    this.#merge = merge;
    this.#clock = clock;
  }

  /** True while a run is in progress. */
  get busy(): boolean {
    return this.#running;
  }

  request({ delayMs, arg }: RunRequest<T>): void {
    if (this.#disposed) return;
    this.#pending = this.#pending ? { arg: this.#merge(this.#pending.arg, arg) } : { arg };
    if (this.#timer !== undefined) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (delayMs > 0) {
      this.#timer = this.#clock.setTimeout(() => {
        this.#timer = undefined;
        this.#next();
      }, delayMs);
      return;
    }
    this.#next();
  }

  /** Starts the owed run unless one is in progress (it starts the owed one when it ends) or a delay runs. */
  #next(): void {
    if (this.#running || this.#timer !== undefined || !this.#pending || this.#disposed) return;
    const { arg } = this.#pending;
    this.#pending = undefined;
    this.#running = true;
    let done: Promise<void>;
    try {
      done = this.#run(arg);
    } catch (e) {
      done = Promise.reject(e);
    }
    void done
      .catch(() => undefined)
      .then(() => {
        this.#running = false;
        this.#next();
      });
  }

  dispose(): void {
    this.#disposed = true;
    this.#pending = undefined;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
