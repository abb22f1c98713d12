import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, it } from 'node:test';
import { SerialQueue } from '../../src/core/concurrency/serialQueue';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('SerialQueue', () => {
  it('runs each piece after the ones queued before it, a failure stopping nothing after it', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run(async () => {
      await held;
      order.push('first');
      return 1;
    });
    const second = queue.run(() => {
      order.push('second');
      throw new Error('second failed');
    });
    const third = queue.run(() => (order.push('third'), 3));
    await nextTurn();
    assert.deepEqual(order, [], 'nothing ran past the piece still running');
    release();
    assert.equal(await first, 1);
    await assert.rejects(second, /second failed/);
    assert.equal(await third, 3);
    assert.deepEqual(order, ['first', 'second', 'third']);
  });

  it('holds no result once it is settled (a render result must not outlive its caller)', async () => {
    const queue = new SerialQueue();
    let ref: WeakRef<object> | undefined;
    await queue.run(() => {
      const result = { html: 'x'.repeat(1000) };
      ref = new WeakRef(result);
      return result;
    });
    await nextTurn();
    gc();
    assert.equal(ref!.deref(), undefined, 'the last result was collected');
  });
});
