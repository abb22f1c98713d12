import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineForOffset, normaliseBoxes, offsetForLine, type LineBox } from '../../src/webview/lineMap';

// Three blocks: lines 0-1 at 0-40px, lines 3-7 at 60-160px, line 10 at 200-220px.
const boxes: LineBox[] = [
  { line: 0, endLine: 2, top: 0, height: 40 },
  { line: 3, endLine: 8, top: 60, height: 100 },
  { line: 10, endLine: 11, top: 200, height: 20 },
];

test('a block start line maps to its top, and back', () => {
  for (const b of boxes) {
    assert.equal(offsetForLine(boxes, b.line), b.top);
    assert.equal(lineForOffset(boxes, b.top), b.line);
  }
});

test('lines inside a block interpolate through its height', () => {
  assert.equal(offsetForLine(boxes, 1), 20);
  assert.equal(offsetForLine(boxes, 5.5), 110);
  assert.equal(lineForOffset(boxes, 110), 5.5);
});

test('blank lines between blocks glide through the gap', () => {
  assert.equal(offsetForLine(boxes, 2), 40);
  assert.equal(offsetForLine(boxes, 8), 160);
  assert.equal(offsetForLine(boxes, 9), 180);
  assert.equal(lineForOffset(boxes, 50), 2.5);
  assert.equal(lineForOffset(boxes, 180), 9);
});

test('before the first and after the last block', () => {
  const shifted = boxes.map((b) => ({ ...b, top: b.top + 30 }));
  assert.equal(offsetForLine(shifted, -1), 0);
  assert.equal(lineForOffset(shifted, 5), 0);
  assert.equal(offsetForLine(boxes, 50), 220);
  assert.equal(lineForOffset(boxes, 1000), 11);
  assert.equal(offsetForLine([], 3), 0);
  assert.equal(lineForOffset([], 300), 0);
});

test('offset and line are inverse of each other across the document', () => {
  for (let line = 0; line <= 11; line += 0.25) {
    assert.ok(Math.abs(lineForOffset(boxes, offsetForLine(boxes, line)) - line) < 1e-9, `line ${line}`);
  }
});

test('a nested box cuts its parent short (list items inside a list)', () => {
  const nested = normaliseBoxes([
    { line: 0, endLine: 10, top: 0, height: 200 },
    { line: 4, endLine: 6, top: 80, height: 40 },
    { line: 4, endLine: 5, top: 85, height: 10 },
  ]);
  assert.deepEqual(
    nested.map((b) => b.line),
    [0, 4],
  );
  assert.equal(offsetForLine(nested, 2), 40);
  assert.equal(lineForOffset(nested, 100), 5);
});
