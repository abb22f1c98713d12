// The one binary search of the tree, for the core, the extension and the webview (which imports
// only itself and src/shared/). Every search is a partition point: the sequence holds first the
// elements for which a predicate holds, then those for which it does not.

/**
 * How many elements of `xs[from, to)`, from `from` on, satisfy `pred`, plus `from`: the index of
 * the first one that does not (`to` when all do). `pred` must hold for a prefix of the range and
 * for nothing after it.
 */
export function partitionPoint<T>(xs: ArrayLike<T>, pred: (x: T) => boolean, from = 0, to = xs.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(xs[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last element for which `pred` holds (it holds for a prefix of `xs`); -1 if none. */
export function lastIndexWhere<T>(xs: ArrayLike<T>, pred: (x: T) => boolean): number {
  return partitionPoint(xs, pred) - 1;
}

/** Index of the first value >= `value` in an ascending array (`to` when none), within [from, to). */
export function lowerBound(sorted: ArrayLike<number>, value: number, from = 0, to = sorted.length): number {
  return partitionPoint(sorted, (x) => x < value, from, to);
}

/** Index of the first value > `value` in an ascending array (`to` when none), within [from, to). */
export function upperBound(sorted: ArrayLike<number>, value: number, from = 0, to = sorted.length): number {
  return partitionPoint(sorted, (x) => x <= value, from, to);
}
