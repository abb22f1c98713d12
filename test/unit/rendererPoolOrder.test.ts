// The CLI's pool over a folder starts the heaviest files first, so that the cores finish together,
// and still answers in the files' order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RendererPool } from '../../src/core/render/rendererPool';
import type { MathdownRenderer } from '../../src/core/render/render';

function fakePool(size: number): { pool: RendererPool; made: number[] } {
  const made: number[] = [];
  const pool = new RendererPool({
    size,
    create: () => {
      made.push(made.length);
      return { prestart: () => undefined, dispose: async () => undefined } as unknown as MathdownRenderer;
    },
  });
  return { pool, made };
}

test('with a weight, the heaviest items start first; outcomes stay at their indices', async () => {
  const { pool } = fakePool(2);
  const started: string[] = [];
  const items = ['light', 'heavy', 'middle', 'heaviest', 'none'];
  const weights: Record<string, number> = { light: 1, heavy: 50, middle: 10, heaviest: 99, none: 0 };
  const outcomes = await pool.map(
    items,
    async (_, item) => {
      started.push(item);
      await new Promise((resolve) => setImmediate(resolve));
      return item.toUpperCase();
    },
    undefined,
    (item) => weights[item]!,
  );
  assert.deepEqual(started, ['heaviest', 'heavy', 'middle', 'light', 'none']);
  assert.deepEqual(
    outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason)),
    ['LIGHT', 'HEAVY', 'MIDDLE', 'HEAVIEST', 'NONE'],
  );
});

test('without a weight (or with one renderer), items start in their order; the renderers prestarted serve the first items', async () => {
  const { pool, made } = fakePool(4);
  pool.prestart(2);
  assert.equal(made.length, 2);
  const started: number[] = [];
  await pool.map([3, 1, 2], async (_, item) => void started.push(item));
  assert.deepEqual(started, [3, 1, 2]);
  assert.equal(made.length, 3, 'the prestarted renderers were not used');
  const one = fakePool(1);
  const order: number[] = [];
  await one.pool.map(
    [1, 5, 3],
    async (_, item) => void order.push(item),
    undefined,
    (n) => n,
  );
  assert.deepEqual(order, [1, 5, 3]);
});

test('with depth 2, each renderer takes a second item while it works on the first, and never more', async () => {
  const made: MathdownRenderer[] = [];
  const pool = new RendererPool({
    size: 2,
    depth: 2,
    create: () => {
      const renderer = { prestart: () => undefined, dispose: async () => undefined } as unknown as MathdownRenderer;
      made.push(renderer);
      return renderer;
    },
  });
  const holding = new Map<MathdownRenderer, number>();
  let most = 0;
  const waiting: Array<() => void> = [];
  const done = pool.map([1, 2, 3, 4, 5, 6, 7], async (renderer, item) => {
    holding.set(renderer, (holding.get(renderer) ?? 0) + 1);
    most = Math.max(most, holding.get(renderer)!);
    await new Promise<void>((resolve) => waiting.push(resolve));
    holding.set(renderer, holding.get(renderer)! - 1);
    return item * 10;
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  await settle();
  assert.equal(waiting.length, 4, 'two renderers with two items each');
  assert.deepEqual(
    made.map((r) => holding.get(r)),
    [2, 2],
  );
  while (waiting.length) {
    waiting.shift()!();
    await settle();
  }
  assert.equal(made.length, 2);
  assert.equal(most, 2);
  assert.deepEqual(
    (await done).map((o) => (o.status === 'fulfilled' ? o.value : o.reason)),
    [10, 20, 30, 40, 50, 60, 70],
  );
});
