// The notebook renderer's own paints (src/webview/notebook/localPaints.ts): the painter is loaded
// once, each text painted once, a text the painter leaves out or a painter that fails to load
// leaves the cell to the extension, and nothing is painted once Mathdown is off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CellPainter, PaintedCell } from '../../src/shared/notebook/cellPainter';
import { LocalPaints } from '../../src/webview/notebook/localPaints';

function fakePainter(paint: (text: string) => PaintedCell | undefined) {
  const log = { loads: 0, paints: [] as string[], disposed: 0 };
  const painter: CellPainter = {
    paint: async (text) => {
      log.paints.push(text);
      return paint(text);
    },
    warm: Promise.resolve(),
    dispose: () => log.disposed++,
  };
  const load = async () => {
    log.loads++;
    return painter;
  };
  return { log, load };
}

/** Resolves with the texts painted once `count` paints came (or fails the test by timing out in node:test). */
function collect(paints: LocalPaints, texts: string[], count: number): Promise<string[]> {
  const got: string[] = [];
  return new Promise((resolve) => {
    for (const text of texts)
      paints.request(text, (t, cell) => {
        got.push(`${t}:${cell.html}`);
        if (got.length === count) resolve(got);
      });
  });
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((r) => setImmediate(r));

test('each text is painted once, with one painter load', async () => {
  const { log, load } = fakePainter((t) => ({ html: `<b>${t}</b>`, css: 'c' }));
  const paints = new LocalPaints(load);
  paints.start();
  const got = await collect(paints, ['a', 'b', 'a'], 2);
  assert.deepEqual(got.sort(), ['a:<b>a</b>', 'b:<b>b</b>']);
  paints.request('a', () => assert.fail('painted again'));
  await settle();
  assert.deepEqual(log.paints.sort(), ['a', 'b']);
  assert.equal(log.loads, 1);
  assert.deepEqual(paints.get('a'), { html: '<b>a</b>', css: 'c' });
  paints.forget((t) => t === 'b');
  assert.equal(paints.get('a'), undefined);
  assert.ok(paints.get('b'));
});

test('a text the painter leaves out is not painted, nor asked again', async () => {
  const { log, load } = fakePainter((t) => (t === 'ref' ? undefined : { html: t, css: '' }));
  const paints = new LocalPaints(load);
  const got = await collect(paints, ['ref', 'ok'], 1);
  assert.deepEqual(got, ['ok:ok']);
  paints.request('ref', () => assert.fail('painted'));
  await settle();
  assert.deepEqual(
    log.paints.filter((t) => t === 'ref'),
    ['ref'],
  );
  assert.equal(paints.get('ref'), undefined);
});

test('a painter that fails to load or to paint leaves the cells to the extension', async () => {
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    const broken = new LocalPaints(() => Promise.reject(new Error('no Worker here')));
    broken.request('a', () => assert.fail('painted'));
    const throwing = new LocalPaints(async () => ({
      paint: () => Promise.reject(new Error('worker died')),
      warm: Promise.resolve(),
      dispose: () => {},
    }));
    throwing.request('b', () => assert.fail('painted'));
    for (let i = 0; i < 5; i++) await settle();
    assert.equal(errors.length, 2);
    assert.equal(broken.get('a'), undefined);
  } finally {
    console.error = original;
  }
});

test('stopped (Mathdown off for the notebook): nothing more is painted and the painter is disposed', async () => {
  const { log, load } = fakePainter((t) => ({ html: t, css: '' }));
  const paints = new LocalPaints(load);
  paints.request('a', () => assert.fail('painted after stop'));
  paints.stop();
  paints.request('b', () => assert.fail('painted after stop'));
  for (let i = 0; i < 5; i++) await settle();
  assert.equal(log.disposed, 1);
  assert.deepEqual(log.paints, []);
});
