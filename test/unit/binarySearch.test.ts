import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { lastIndexWhere, lowerBound, partitionPoint, upperBound } from '../../src/shared/binarySearch';

/** Ascending arrays with repeats, a value that may or may not be in them, and a sub-range. */
const CASE = fc
  .tuple(fc.array(fc.integer({ min: -5, max: 30 }), { maxLength: 40 }), fc.integer({ min: -8, max: 33 }), fc.nat(), fc.nat())
  .map(([xs, value, a, b]) => {
    const sorted = xs.sort((p, q) => p - q);
    const [from, to] = [a % (sorted.length + 1), b % (sorted.length + 1)].sort((p, q) => p - q);
    return { sorted, value, from: from!, to: to! };
  });

/** What each search means, written as a scan. */
function firstIndex(xs: readonly number[], pred: (x: number) => boolean, from: number, to: number): number {
  for (let i = from; i < to; i++) if (!pred(xs[i]!)) return i;
  return to;
}

test('partitionPoint, lowerBound and upperBound agree with a linear scan over any range', () => {
  fc.assert(
    fc.property(CASE, ({ sorted, value, from, to }) => {
      assert.equal(
        partitionPoint(sorted, (x) => x < value, from, to),
        firstIndex(sorted, (x) => x < value, from, to),
      );
      assert.equal(
        lowerBound(sorted, value, from, to),
        firstIndex(sorted, (x) => x < value, from, to),
      );
      assert.equal(
        upperBound(sorted, value, from, to),
        firstIndex(sorted, (x) => x <= value, from, to),
      );
      assert.equal(
        lowerBound(sorted, value),
        firstIndex(sorted, (x) => x < value, 0, sorted.length),
      );
    }),
    { numRuns: 500 },
  );
});

test('lastIndexWhere is the last element of the prefix, -1 when it is empty', () => {
  fc.assert(
    fc.property(CASE, ({ sorted, value }) => {
      assert.equal(
        lastIndexWhere(sorted, (x) => x <= value),
        firstIndex(sorted, (x) => x <= value, 0, sorted.length) - 1,
      );
    }),
    { numRuns: 500 },
  );
  assert.equal(
    lastIndexWhere([], () => true),
    -1,
  );
  assert.equal(
    lastIndexWhere([{ line: 0 }, { line: 4 }, { line: 9 }], (b) => b.line <= 5),
    1,
  );
});

test('the edges: empty arrays, values before and after all, runs of equal values', () => {
  assert.equal(lowerBound([], 3), 0);
  assert.equal(upperBound([], 3), 0);
  const xs = [1, 3, 3, 3, 7];
  assert.deepEqual([lowerBound(xs, 0), lowerBound(xs, 3), upperBound(xs, 3), upperBound(xs, 7), lowerBound(xs, 8)], [0, 1, 4, 5, 5]);
  assert.equal(upperBound(xs, 3, 0, 2), 2, 'the search stays inside [from, to)');
});
