// HeapRelease (src/vscode/schedule/heapRelease.ts): once Mathdown's work pauses, one collection
// gives back what the burst grew the host's heap by, and only then. Driven by a fake clock and a
// fake heap; the Node host's heap (nodeHeap) is checked to really collect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nodeHeap } from '../../src/vscode/platform/nodeHeap';
import { HeapRelease, type HostHeap } from '../../src/vscode/schedule/heapRelease';
import { FakeClock } from './helpers/fakeClock';
import { until } from './helpers/until';

const MB = 1024 * 1024;
const options = { quietMs: 10_000, minGrowth: 64 * MB, minFree: 64 * MB };

/** A heap of `total` MB with `used` MB in use; a collection brings `total` down to `used`. */
class FakeHeap implements HostHeap {
  collections = 0;
  constructor(
    public total: number,
    public used: number,
  ) {}
  usage() {
    return { total: this.total * MB, used: this.used * MB };
  }
  async collect() {
    this.collections++;
    this.total = this.used;
  }
}

test('one collection once the work has paused, after a burst that grew the heap', async () => {
  const clock = new FakeClock();
  const heap = new FakeHeap(200, 100);
  const release = new HeapRelease(heap, options, clock);
  // A long document's first render and lint: the heap grows by 150 MB, half of it garbage.
  for (let i = 0; i < 5; i++) {
    heap.total += 30;
    heap.used += 15;
    release.noteWork();
    clock.advance(2_000);
  }
  assert.equal(heap.collections, 0, 'not while the work goes on');
  clock.advance(options.quietMs);
  await until(() => heap.collections === 1, 'the collection after the pause', 10_000);
  assert.equal(heap.total, 175);
  // More work that does not grow the heap much: no second collection.
  heap.total += 20;
  release.noteWork();
  clock.advance(options.quietMs);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(heap.collections, 1);
  release.dispose();
});

test('no collection when the heap has not grown, or holds little unused', async () => {
  const clock = new FakeClock();
  // A heap with much unused space from before (VS Code's own): a short note's render adds little.
  const roomy = new FakeHeap(220, 90);
  const release = new HeapRelease(roomy, options, clock);
  roomy.total += 10;
  release.noteWork();
  clock.advance(options.quietMs);
  // Grown, but nearly all of it in use.
  const full = new FakeHeap(100, 90);
  const second = new HeapRelease(full, options, clock);
  full.total += 100;
  full.used += 95;
  second.noteWork();
  clock.advance(options.quietMs);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(roomy.collections + full.collections, 0);
  assert.equal(clock.pending, 0);
});

test('a disposed release collects nothing, and a host without a heap to collect is left alone', () => {
  const clock = new FakeClock();
  const heap = new FakeHeap(100, 50);
  const release = new HeapRelease(heap, options, clock);
  heap.total += 200;
  release.noteWork();
  release.dispose();
  assert.equal(clock.pending, 0);
  release.noteWork();
  assert.equal(clock.pending, 0);
  const none = new HeapRelease(undefined, options, clock);
  none.noteWork();
  assert.equal(clock.pending, 0);
});

test("the Node host's collection frees what is no longer reachable", async () => {
  let garbage: object[] | undefined = Array.from({ length: 100_000 }, (_, i) => ({ i }));
  const gone = new WeakRef(garbage);
  garbage = undefined;
  const { total, used } = nodeHeap.usage();
  assert.ok(total >= used && used > 0);
  await nodeHeap.collect();
  assert.equal(gone.deref(), undefined);
});
