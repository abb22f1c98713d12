import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateDoc } from '../../scripts/bench/generateDoc.mjs';

const BYTES = 40_000;

test('the benchmark generator is deterministic for a seed', () => {
  const a = generateDoc({ bytes: BYTES, seed: 3 });
  const b = generateDoc({ bytes: BYTES, seed: 3 });
  assert.equal(a.text, b.text);
  assert.deepEqual(a.formulas, b.formulas);
  assert.notEqual(generateDoc({ bytes: BYTES, seed: 4 }).text, a.text);
});

test('a small generated document has the lecture-notes shape', () => {
  const { text, formulas, labels } = generateDoc({ bytes: BYTES, seed: 7 });
  assert.ok(text.length >= BYTES && text.length < BYTES + 4_000, `size ${text.length}`);
  // About 6 formulas per KB (6,000 per MB), close to half of them display.
  assert.ok(formulas.length >= 160 && formulas.length <= 360, `${formulas.length} formulas`);
  const display = formulas.filter((f) => f.display).length / formulas.length;
  assert.ok(display >= 0.35 && display <= 0.65, `display share ${display}`);
  for (const f of formulas) {
    assert.ok(f.start <= f.texStart && f.texStart < f.texEnd && f.texEnd <= f.end);
    assert.ok(text.startsWith(f.open, f.start));
  }
  assert.match(text.slice(formulas[0].texStart, formulas[0].texEnd), /^\\newcommand\{\\RR\}/);
  assert.match(text, /^\| --- \| --- \| --- \|/m);
  assert.match(text, /^(- |\d+\. )/m);
  assert.match(text, /\\begin\{aligned\}/);
  assert.ok(labels.length > 0 && text.includes(`\\label{${labels[0]}}`));
  assert.match(text, /\\eqref\{eq:/);
});
