// Completion while a formula is being typed and its closing delimiter is not written yet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mathCompletionsAt, parseMathDocument } from '../../src/core/authoring';

function at(marked: string) {
  const offset = marked.indexOf('|');
  const doc = parseMathDocument(marked.replace('|', ''));
  return mathCompletionsAt(doc, offset);
}

const labels = (answer: ReturnType<typeof at>) => answer?.items.map((i) => i.label) ?? [];

test('an unclosed $, $$, \\( or \\[ before the cursor still offers TeX completions', () => {
  for (const text of [
    'Energy $E = \\fr|',
    'Then $$\\fr|',
    'Inline \\(\\fr|',
    '\\[\n\\fr|',
    'See $a + b$ and $\\fr|',
    '> quoted $\\fr|',
    'Energy $E = \\fr| and so on',
  ]) {
    assert.ok(
      labels(at(text)).some((l) => l.startsWith('\\frac')),
      text,
    );
  }
});

test('the prefix replaced is the command typed so far', () => {
  const text = 'Energy $E = \\fr|';
  const answer = at(text)!;
  assert.equal(answer.start, text.indexOf('\\fr'));
  assert.equal(answer.end, text.indexOf('|'));
});

test('prose, code and closed formulas before the cursor offer nothing', () => {
  for (const text of ['Plain \\fr|', 'Code `$\\fr|` here', 'Closed $x$ then \\fr|', 'Escaped \\$ \\fr|', 'Blank line\n\n\\fr|']) {
    assert.equal(at(text), undefined, text);
  }
});
