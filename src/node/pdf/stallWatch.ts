// Tells a browser that stopped working on a PDF from one that is slow. Page.printToPDF is one call
// without progress events, and when a process it waits for dies (the print compositor crashed or
// was killed) Chromium waits forever without using any CPU. So the browser's processes are sampled
// (DevTools' SystemInfo.getProcessInfo, every Chromium-family browser has it): a browser that is
// loading or printing keeps using CPU however loaded the machine is, and one that did almost no work
// for a whole window has stalled.

export interface ProcessSample {
  id: number;
  /** CPU seconds the process has used since it started. */
  cpuTime: number;
}

/** How long the browser may do (almost) nothing before the print counts as stalled. */
export const STALL_WINDOW_MS = 2 * 60_000;
/** Less CPU than this over the window is idling (timers, the sampling itself), not printing. */
export const STALL_MIN_CPU_SECONDS = 1;

/**
 * The work a browser did, from successive samples of its processes: each process's CPU time counts
 * from its first sample (a process that ends takes nothing back). `stalled` says whether the work
 * done over the last `windowMs` is below `minCpuSeconds`, once there are samples that old.
 */
export class StallDetector {
  readonly #last = new Map<number, number>();
  /** [time, cumulative work] of each sample, oldest first. */
  readonly #history: [number, number][] = [];
  #work = 0;

  constructor(
    readonly windowMs = STALL_WINDOW_MS,
    readonly minCpuSeconds = STALL_MIN_CPU_SECONDS,
  ) {}

  /** Records the processes sampled at time `at` (ms); true when the browser has stalled. */
  sample(at: number, processes: readonly ProcessSample[]): boolean {
    const seen = new Map<number, number>();
    for (const { id, cpuTime } of processes) {
      const before = this.#last.get(id);
      // A process new since the last sample: its work so far counts (it started during the print).
      this.#work += Math.max(0, cpuTime - (before ?? (this.#history.length ? 0 : cpuTime)));
      seen.set(id, cpuTime);
    }
    this.#last.clear();
    for (const [id, cpu] of seen) this.#last.set(id, cpu);
    this.#history.push([at, this.#work]);
    // The newest sample at least a window old is the reference; older ones are no longer needed.
    while (this.#history.length > 1 && at - this.#history[1]![0] >= this.windowMs) this.#history.shift();
    const [oldest, workThen] = this.#history[0]!;
    return at - oldest >= this.windowMs && this.#work - workThen < this.minCpuSeconds;
  }
}

export interface StallWatch {
  stop(): void;
}

/**
 * Samples `processes()` every `intervalMs` and calls `onStall` once when the detector says the
 * browser stalled. A sampling that fails (the browser closing, or one without the call) stops the
 * watch quietly: the print's own deadline still applies.
 */
export function watchForStall(
  processes: () => Promise<readonly ProcessSample[]>,
  onStall: () => void,
  options: { detector?: StallDetector; intervalMs?: number; now?: () => number } = {},
): StallWatch {
  const detector = options.detector ?? new StallDetector();
  const now = options.now ?? Date.now;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async (): Promise<void> => {
    let list: readonly ProcessSample[];
    try {
      list = await processes();
    } catch {
      stopped = true;
      return;
    }
    if (stopped) return;
    if (detector.sample(now(), list)) {
      stopped = true;
      onStall();
      return;
    }
    timer = setTimeout(() => void tick(), options.intervalMs ?? 10_000);
  };
  void tick();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
