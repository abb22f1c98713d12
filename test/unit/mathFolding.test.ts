// Folding regions of display math and of the environments inside it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mathFoldingRanges } from '../../src/core/authoring';
import { parseMarkdown } from '../../src/core/markdown';

const folds = (text: string) => mathFoldingRanges(text, parseMarkdown(text).formulas).map((r) => `${r.startLine}-${r.endLine}`);

test('a display formula over several lines folds, with the environments inside it; one-line and inline math do not', () => {
  const text = [
    'Inline $x$ and $$ y $$ on one line.', // 0
    '',
    '$$', // 2
    'f(x) = \\begin{cases}', // 3
    '0 & x < 0 \\\\',
    '1 & x \\ge 0',
    '\\end{cases}', // 6
    '$$', // 7
    '',
    '\\begin{align}', // 9
    'a &= b',
    '\\end{align}', // 11
    '',
    '> $$',
    '> z', // 14
    '> $$',
    '',
    '`$$`',
  ].join('\n');
  assert.deepEqual(folds(text), ['2-7', '3-6', '9-11', '13-15']);
});
