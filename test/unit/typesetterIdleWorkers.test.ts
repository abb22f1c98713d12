import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { nodeRendererOptions } from '../../src/node/platform/nodeRendererOptions';
import type { TypesetWorkerStarter } from '../../src/core/typeset/startedWorker';
import { Typesetter, type TypesetJob } from './helpers/nodeTypesetter';
import { until } from './helpers/until';

const inline = (tex: string): TypesetJob => ({ tex, display: false });
const IDLE_MS = 15_000;

/** Node's typesetting workers, counted as they start and stop (a worker stopped twice counts once). */
function countingStarter(): { starter: TypesetWorkerStarter; starts: number; stops: number } {
  const base = nodeRendererOptions().worker;
  const stopped = new Set<unknown>();
  const counts = {
    starts: 0,
    get stops() {
      return stopped.size;
    },
    starter: {
      name: base.name,
      start: () => {
        counts.starts++;
        const port = base.start();
        const terminate = port.terminate.bind(port);
        port.terminate = () => {
          stopped.add(port);
          return terminate();
        };
        return port;
      },
    } satisfies TypesetWorkerStarter,
  };
  return counts;
}

async function typeset(ts: Typesetter, texs: string[]): Promise<void> {
  const { formulas } = await ts.typeset({ jobs: texs.map(inline), macros: {}, equationNumbers: 'ams' });
  for (const f of formulas) assert.equal(f.error, undefined, 'typeset without error');
}

describe('Typesetter: idle workers give their memory back (idleWorkers)', () => {
  it('renews the first worker once idle after renewAfter formulas, and leaves a worker with less work alone', async (t: TestContext) => {
    // Only the idle timer is driven by hand: the worker's replies are real.
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const counted = countingStarter();
    const ts = new Typesetter({ worker: counted.starter, helpers: 0, idleWorkers: { idleMs: IDLE_MS, renewAfter: 3 } });
    try {
      await typeset(ts, ['a_1', 'a_2']);
      t.mock.timers.tick(IDLE_MS);
      assert.deepEqual([counted.starts, counted.stops], [1, 0], 'two formulas: the worker stays');
      await typeset(ts, ['a_3']);
      t.mock.timers.tick(IDLE_MS - 1);
      assert.deepEqual([counted.starts, counted.stops], [1, 0], 'not idle long enough yet');
      t.mock.timers.tick(1);
      await until(() => counted.starts === 2, 'a fresh worker started');
      assert.equal(counted.stops, 1, 'the old worker stopped');
      await typeset(ts, ['x^2', 'a_1']);
      assert.equal(counted.starts, 2, 'the renewed worker served the next request');
    } finally {
      await ts.dispose();
    }
  });

  it('a worker set to stop (renewAfter: false) stops when idle and starts again on the next request', async (t: TestContext) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const counted = countingStarter();
    const ts = new Typesetter({ worker: counted.starter, helpers: 0, idleWorkers: { idleMs: IDLE_MS, renewAfter: false } });
    try {
      await typeset(ts, ['b_1']);
      t.mock.timers.tick(IDLE_MS);
      await until(() => counted.stops === 1, 'the idle worker stopped');
      assert.equal(counted.starts, 1, 'and was not started again by itself');
      await typeset(ts, ['b_2']);
      assert.equal(counted.starts, 2, 'the next request started a worker');
    } finally {
      await ts.dispose();
    }
  });

  it('a request arriving before the idle time is up keeps the worker', async (t: TestContext) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const counted = countingStarter();
    const ts = new Typesetter({ worker: counted.starter, helpers: 0, idleWorkers: { idleMs: IDLE_MS, renewAfter: false } });
    try {
      await typeset(ts, ['c_1']);
      t.mock.timers.tick(IDLE_MS - 1);
      await typeset(ts, ['c_2']);
      t.mock.timers.tick(IDLE_MS - 1);
      assert.deepEqual([counted.starts, counted.stops], [1, 0]);
    } finally {
      await ts.dispose();
    }
  });

  it('off by default: an idle worker is never stopped', async (t: TestContext) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const counted = countingStarter();
    const ts = new Typesetter({ worker: counted.starter, helpers: 0 });
    try {
      await typeset(ts, ['d_1', 'd_2', 'd_3']);
      t.mock.timers.tick(10 * IDLE_MS);
      assert.deepEqual([counted.starts, counted.stops], [1, 0]);
    } finally {
      await ts.dispose();
    }
  });
});
