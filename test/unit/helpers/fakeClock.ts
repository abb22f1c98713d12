import type { RunnerClock } from '../../../src/vscode/schedule/coalescingRunner';

/** A clock whose time passes only when a test says so (the scheduling tests: no real time, nothing depends on the machine). */
export class FakeClock implements RunnerClock {
  now = 0;
  #timers = new Map<number, { at: number; fn: () => void }>();
  #next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  get pending(): number {
    return this.#timers.size;
  }
  /** Lets `ms` pass, running the timers due meanwhile in order (those they set too). */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
  /** Runs every timer set so far, however far off (a time limit passes). */
  expire(): void {
    const fns = [...this.#timers.values()].map((t) => t.fn);
    this.#timers.clear();
    for (const fn of fns) fn();
  }
}
