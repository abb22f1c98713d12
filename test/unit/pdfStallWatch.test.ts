// The PDF printer's stall watch (src/node/pdf/stallWatch.ts): a browser that keeps using CPU, however
// little, is printing; one that did almost nothing for a whole window has stalled (its print
// compositor died and Chromium waits forever), and the export is ended with a message instead.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StallDetector, watchForStall } from '../../src/node/pdf/stallWatch';

const MINUTE = 60_000;

test('a browser that keeps working, even slowly, never stalls', () => {
  const d = new StallDetector(2 * MINUTE, 1);
  let cpu = 5;
  for (let t = 0; t <= 60 * MINUTE; t += 10_000) {
    cpu += 0.2; // a small share of a busy machine
    assert.equal(
      d.sample(t, [
        { id: 1, cpuTime: 3 },
        { id: 2, cpuTime: cpu },
      ]),
      false,
      `at ${t} ms`,
    );
  }
});

test('a browser idle for a whole window has stalled; not before the window is full', () => {
  const d = new StallDetector(2 * MINUTE, 1);
  const stop = 5 * MINUTE;
  let cpu = 0;
  for (let t = 0; t <= stop; t += 10_000) assert.equal(d.sample(t, [{ id: 7, cpuTime: (cpu += 2) }]), false);
  // Stops working after `stop`: not stalled until that last busy sample is a window old.
  for (let t = stop + 10_000; t < stop + 2 * MINUTE; t += 10_000) {
    assert.equal(d.sample(t, [{ id: 7, cpuTime: cpu + 0.01 }]), false, `at ${t - stop} ms idle`);
  }
  assert.equal(d.sample(stop + 2 * MINUTE, [{ id: 7, cpuTime: cpu + 0.02 }]), true);
});

test('a process that ends takes back no work; a new one counts from its first sample', () => {
  const d = new StallDetector(MINUTE, 1);
  assert.equal(
    d.sample(0, [
      { id: 1, cpuTime: 100 },
      { id: 2, cpuTime: 50 },
    ]),
    false,
  );
  // The compositor (id 3) starts and works; the busy renderer (id 2) ends: work was done.
  assert.equal(
    d.sample(30_000, [
      { id: 1, cpuTime: 100 },
      { id: 3, cpuTime: 4 },
    ]),
    false,
  );
  assert.equal(
    d.sample(60_000, [
      { id: 1, cpuTime: 100 },
      { id: 3, cpuTime: 4 },
    ]),
    false,
    'the window holds the compositor’s work',
  );
  // The compositor dies: the total drops, which is no work, and a window later the browser has stalled.
  assert.equal(d.sample(90_000, [{ id: 1, cpuTime: 100.1 }]), true);
});

test('watchForStall calls onStall once, and a failing sample stops it quietly', async () => {
  let now = 0;
  const samples: number[] = [];
  await new Promise<void>((resolve) => {
    watchForStall(
      async () => {
        samples.push(now);
        now += 30_000;
        return [{ id: 1, cpuTime: 2 }];
      },
      resolve,
      { detector: new StallDetector(MINUTE, 1), intervalMs: 1, now: () => now },
    );
  });
  assert.deepEqual(samples, [0, 30_000, 60_000]);
  let calls = 0;
  let stalls = 0;
  await new Promise<void>((resolve) => {
    watchForStall(
      async () => {
        calls++;
        resolve();
        throw new Error('Target closed');
      },
      () => stalls++,
      { intervalMs: 1 },
    );
  });
  assert.equal(calls, 1);
  assert.equal(stalls, 0);
});
