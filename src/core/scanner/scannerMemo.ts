/**
 * Remembers closer searches that failed, so that a run of openers without closers
 * (`\( \( \( …`) costs linear time instead of quadratic: a search for the same closer
 * that starts inside a failed search's range [from, until) cannot succeed either.
 */
export class ScanMemo {
  readonly #failed = new Map<string, { from: number; until: number }>();
  /** Offset of a `$$` that opened nothing, so its second `$` does not open inline math. */
  failedDoubleDollarAt = -1;
  /** End of a run of four or more `$`, which is literal as a whole. */
  literalDollarsUntil = -1;

  knownToFail(closer: string, from: number): boolean {
    const range = this.#failed.get(closer);
    return range !== undefined && from >= range.from && from < range.until;
  }

  recordFailure(closer: string, from: number, until: number): void {
    this.#failed.set(closer, { from, until });
  }
}
