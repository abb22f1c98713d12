// The preview's render scheduling (src/vscode/schedule/coalescingRunner.ts), driven by a fake clock
// and by runs that end when the test says so: no real time passes, nothing depends on the machine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoalescingRunner } from '../../src/vscode/schedule/coalescingRunner';
import { FakeClock } from './helpers/fakeClock';

/** A runner whose runs are recorded and finished by hand. */
function harness() {
  const clock = new FakeClock();
  const runs: { arg: boolean; at: number; finish: () => Promise<void> }[] = [];
  const runner = new CoalescingRunner<boolean>(
    (arg) =>
      new Promise<void>((resolve) => {
        runs.push({
          arg,
          at: clock.now,
          // resolves after the runner has reacted to the end of the run (its .then chain)
          finish: async () => {
            resolve();
            for (let i = 0; i < 5; i++) await Promise.resolve();
          },
        });
      }),
    (a, b) => a || b,
    clock,
  );
  return { clock, runs, runner };
}

test('idle: a request runs at once (leading edge), with no timer', () => {
  const { clock, runs, runner } = harness();
  runner.request({ delayMs: 0, arg: false });
  assert.equal(runs.length, 1);
  assert.equal(runs[0]!.at, 0);
  assert.equal(clock.pending, 0);
  assert.equal(runner.busy, true);
});

test('requests during a run are coalesced into one run right after it, with their arguments merged', async () => {
  const { runs, runner } = harness();
  runner.request({ delayMs: 0, arg: false });
  runner.request({ delayMs: 0, arg: false });
  runner.request({ delayMs: 0, arg: true });
  runner.request({ delayMs: 0, arg: false });
  assert.equal(runs.length, 1, 'nothing starts while a run is in progress');
  await runs[0]!.finish();
  assert.equal(runs.length, 2, 'one run for the three requests');
  assert.equal(runs[1]!.arg, true, 'a reset asked for by any of them is kept');
  await runs[1]!.finish();
  assert.equal(runs.length, 2, 'nothing more was asked');
  assert.equal(runner.busy, false);
});

test('a run that fails (throws or rejects) does not stop the next one', async () => {
  const clock = new FakeClock();
  let calls = 0;
  const runner = new CoalescingRunner<boolean>(
    () => {
      calls++;
      if (calls === 1) throw new Error('sync failure');
      return Promise.reject(new Error('async failure'));
    },
    (a, b) => a || b,
    clock,
  );
  runner.request({ delayMs: 0, arg: false });
  assert.equal(calls, 1);
  for (let i = 0; i < 5; i++) await Promise.resolve();
  runner.request({ delayMs: 0, arg: false });
  assert.equal(calls, 2);
});

test('with a delay: runs that long after the last request (a debounce), once', async () => {
  const { clock, runs, runner } = harness();
  runner.request({ delayMs: 150, arg: false });
  clock.advance(100);
  runner.request({ delayMs: 150, arg: false });
  clock.advance(149);
  assert.equal(runs.length, 0, 'each request restarts the wait');
  clock.advance(1);
  assert.equal(runs.length, 1);
  assert.equal(runs[0]!.at, 250);
  await runs[0]!.finish();
  assert.equal(runs.length, 1);
});

test('with a delay: a wait that ends during a run starts one run after it', async () => {
  const { clock, runs, runner } = harness();
  runner.request({ delayMs: 0, arg: false });
  runner.request({ delayMs: 50, arg: false });
  clock.advance(50);
  assert.equal(runs.length, 1, 'the first run is still in progress');
  clock.advance(1000);
  await runs[0]!.finish();
  assert.equal(runs.length, 2);
  assert.equal(runs[1]!.at, 1050);
});

test('with a delay: a run ending before the wait does not jump the wait', async () => {
  const { clock, runs, runner } = harness();
  runner.request({ delayMs: 0, arg: false });
  runner.request({ delayMs: 200, arg: false });
  await runs[0]!.finish();
  assert.equal(runs.length, 1, 'the owed run waits for its delay');
  clock.advance(200);
  assert.equal(runs.length, 2);
});

test('an immediate request cancels a waiting delay and runs now, merged with it', () => {
  const { clock, runs, runner } = harness();
  runner.request({ delayMs: 500, arg: false });
  runner.request({ delayMs: 0, arg: true });
  assert.equal(runs.length, 1);
  assert.equal(runs[0]!.arg, true);
  assert.equal(clock.pending, 0);
});

test('dispose: no run starts afterwards, the waiting timer is cleared', async () => {
  const { clock, runs, runner } = harness();
  runner.request({ delayMs: 0, arg: false });
  runner.request({ delayMs: 0, arg: false });
  runner.request({ delayMs: 100, arg: false });
  runner.dispose();
  assert.equal(clock.pending, 0);
  await runs[0]!.finish();
  runner.request({ delayMs: 0, arg: false });
  clock.advance(1000);
  assert.equal(runs.length, 1);
});
