import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockDiff, type SentBlock } from '../../src/vscode/preview/blockDiff';

const b = (key: string, startLine: number, formulaBase = 0, lines = 2): SentBlock => ({
  key,
  startLine,
  endLine: startLine + lines,
  formulaBase,
});
const doc = (...keys: string[]) => keys.map((k, i) => b(k, i * 3, i));

/** What the webview would hold after applying the diff to `previous` (keys and positions). */
function apply(previous: SentBlock[], next: SentBlock[]) {
  const d = blockDiff(previous, next);
  const middle = next.slice(d.keepHead, next.length - d.keepTail);
  const tail = previous.slice(previous.length - d.keepTail).map((x) => ({
    ...x,
    startLine: x.startLine + d.lineShift,
    endLine: x.endLine + d.lineShift,
    formulaBase: x.formulaBase + d.formulaShift,
  }));
  return { d, result: [...previous.slice(0, d.keepHead), ...middle, ...tail] };
}

test('an edit inside one block sends only that block', () => {
  const before = doc('a', 'b', 'c', 'd');
  const after = [...before];
  after[2] = { ...after[2]!, key: 'c2' };
  const { d, result } = apply(before, after);
  assert.deepEqual([d.keepHead, d.keepTail, d.lineShift], [2, 1, 0]);
  assert.deepEqual(result, after);
  assert.deepEqual([...d.replaced], ['c']);
});

test('a line inserted near the top keeps the moved tail, shifted', () => {
  const before = doc('a', 'b', 'c', 'd');
  const after = [b('a', 0, 0, 3), ...before.slice(1).map((x) => ({ ...x, startLine: x.startLine + 1, endLine: x.endLine + 1 }))];
  after[0] = { ...after[0]!, key: 'a2' };
  const { d, result } = apply(before, after);
  assert.deepEqual([d.keepHead, d.keepTail, d.lineShift, d.formulaShift], [0, 3, 1, 0]);
  assert.deepEqual(result, after);
});

test('a new formula shifts the formula numbers of the tail', () => {
  const before = doc('a', 'b', 'c');
  const after = [before[0]!, { ...before[1]!, key: 'b2' }, { ...before[2]!, formulaBase: before[2]!.formulaBase + 1 }];
  const { d, result } = apply(before, after);
  assert.deepEqual([d.keepHead, d.keepTail, d.formulaShift], [1, 1, 1]);
  assert.deepEqual(result, after);
});

test('identical lists keep everything; disjoint ones replace everything', () => {
  const same = apply(doc('a', 'b'), doc('a', 'b'));
  assert.deepEqual([same.d.keepHead, same.d.keepTail], [2, 0]);
  const other = apply(doc('a', 'b'), doc('x', 'y', 'z'));
  assert.deepEqual([other.d.keepHead, other.d.keepTail], [0, 0]);
  assert.deepEqual(other.result, doc('x', 'y', 'z'));
});

test('random edits: applying the diff always yields the new list', () => {
  let s = 7;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  for (let round = 0; round < 500; round++) {
    const before = Array.from({ length: rnd(8) }, (_, i) => b('k' + rnd(4), i * 2, i));
    const after = before.map((x) => ({ ...x }));
    for (let e = rnd(3); e >= 0; e--) {
      const at = rnd(after.length + 1);
      if (rnd(2)) after.splice(at, 0, b('k' + rnd(4), 0));
      else after.splice(at, 1);
    }
    let line = rnd(3);
    for (const x of after) {
      const len = x.endLine - x.startLine;
      Object.assign(x, { startLine: line, endLine: line + len });
      line += len + rnd(2);
    }
    assert.deepEqual(apply(before, after).result, after, `round ${round}`);
  }
});
