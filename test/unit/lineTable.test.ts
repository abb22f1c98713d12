import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineTable, lineStarts } from '../../src/core/markdown/lineTable';

/** The lines of a text as an editor shows them: split at CRLF, LF or a lone CR. */
function naiveLines(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, text: text.slice(start) });
  return out;
}

const TEXT = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '$'), { maxLength: 40 }).map((xs) => xs.join(''));

test('line starts, texts and positions agree with splitting at CRLF, LF and CR', () => {
  fc.assert(
    fc.property(TEXT, (text) => {
      const lines = new LineTable(text);
      const naive = naiveLines(text);
      assert.deepEqual(
        lineStarts(text),
        naive.map((l) => l.start),
      );
      assert.equal(lines.lineCount, naive.length);
      naive.forEach((l, i) => {
        assert.equal(lines.lineText(i), l.text);
        assert.equal(lines.lineEnd(i), l.start + l.text.length);
        assert.equal(lines.lineStart(i), l.start);
        assert.equal(lines.offsetAt(i + 1, 1), l.start);
      });
      for (let offset = 0; offset <= text.length; offset++) {
        const line = naive.findIndex((_, i) => i === naive.length - 1 || naive[i + 1]!.start > offset);
        assert.equal(lines.lineOf(offset), line);
        assert.deepEqual(lines.position(offset), { line: line + 1, column: offset - naive[line]!.start + 1 });
      }
    }),
    { numRuns: 300 },
  );
});

test('beyond the text: clamped lines, empty line text', () => {
  const lines = new LineTable('ab\r\ncd');
  assert.equal(lines.lineOf(-3), 0);
  assert.equal(lines.lineOf(99), 1);
  assert.equal(lines.lineStart(7), 4);
  assert.equal(lines.lineText(2), '');
  assert.equal(lines.lineEnd(2), 6);
  assert.equal(lines.offsetAt(0, 2), 1);
  assert.deepEqual(new LineTable('').starts, [0]);
});
