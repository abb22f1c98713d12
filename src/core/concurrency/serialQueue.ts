// Work run one piece after another, each after every piece queued before it has finished.

export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();

  /**
   * Runs `work` once everything queued before it has settled; resolves or rejects as it does. A
   * failure stops nothing after it, and the queue holds no result: a long document's whole render
   * must not stay alive until the next call.
   */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.#tail.then(work);
    this.#tail = run.then(nothing, nothing);
    return run;
  }
}

const nothing = (): void => undefined;
