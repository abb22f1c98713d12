// Source positions: formulas and blocks point into the original text (CRLF included),
// through block quotes, lists, tables and headings.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Token } from 'marked';
import { formulaAt, parseMarkdown, topLevelBlocks, type SourceLineField } from '../../src/core/markdown';
import type { MathOptions } from '../../src/core/types';

const FIXTURES = join(__dirname, '../../../test/fixtures/math');

test('CRLF and CR documents: same formulas, offsets into the text as given', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const spec = JSON.parse(readFileSync(join(FIXTURES, file.replace(/\.md$/, '.json')), 'utf8')) as unknown;
    const options = Array.isArray(spec) ? undefined : (spec as { options: Partial<MathOptions> }).options;
    const lf = parseMarkdown(text, options);
    const breaksBefore = (offset: number) => text.slice(0, offset).split('\n').length - 1;
    for (const eol of ['\r\n', '\r']) {
      const converted = parseMarkdown(text.replace(/\n/g, eol), options);
      assert.equal(converted.formulas.length, lf.formulas.length, file);
      converted.formulas.forEach((f, i) => {
        const g = lf.formulas[i]!;
        const extra = eol.length - 1;
        assert.deepEqual(
          [f.tex, f.display, f.delimiter, f.line, f.column, f.offset, f.texOffset, f.endOffset],
          [
            g.tex,
            g.display,
            g.delimiter,
            g.line,
            g.column,
            g.offset + extra * breaksBefore(g.offset),
            g.texOffset + extra * breaksBefore(g.texOffset),
            g.endOffset + extra * breaksBefore(g.endOffset),
          ],
          `${file} ${JSON.stringify(eol)} formula ${i}`,
        );
      });
      assert.equal(converted.lineCount, lf.lineCount);
    }
  }
});

test('a formula over several lines of a container spans its source, prefixes included', () => {
  const text = [
    '> Quote $a +',
    '> b$ end.',
    '',
    '- Item $c +',
    '  d$ end.',
    '',
    '> - quoted list $h$',
    '>   > nested quote $i +',
    '>   > j$',
    '',
    'Para\tcolumn $\\alpha$',
  ].join('\n');
  const doc = parseMarkdown(text);
  const spans = doc.formulas.map((f) => [text.slice(f.offset, f.endOffset), text.slice(f.texOffset, f.texOffset + 3)]);
  assert.deepEqual(spans, [
    ['$a +\n> b$', 'a +'],
    ['$c +\n  d$', 'c +'],
    ['$h$', 'h$\n'],
    ['$i +\n>   > j$', 'i +'],
    ['$\\alpha$', '\\al'],
  ]);
  assert.deepEqual(
    doc.formulas.map((f) => f.tex),
    ['a +\nb', 'c +\nd', 'h', 'i +\nj', '\\alpha'],
  );
});

test('table cells: offsets survive escaped pipes removed before a formula', () => {
  const text = '| head | b |\n|---|---|\n| a \\| b \\| $c_1$ | $|z|$ |\n';
  const doc = parseMarkdown(text);
  assert.deepEqual(
    doc.formulas.map((f) => [f.tex, text.slice(f.offset, f.endOffset), f.line, f.column]),
    [
      ['c_1', '$c_1$', 3, 13],
      ['|z|', '$|z|$', 3, 21],
    ],
  );
});

test('headings: ATX with closing hashes, setext with trailing spaces, indented', () => {
  const text = '## Heading $x$ ##\n\nTitle $y$   \nand $w$  \n===\n\n   # In $z$ #\n';
  const doc = parseMarkdown(text);
  assert.deepEqual(
    doc.formulas.map((f) => [f.tex, text.slice(f.offset, f.endOffset)]),
    [
      ['x', '$x$'],
      ['y', '$y$'],
      ['w', '$w$'],
      ['z', '$z$'],
    ],
  );
});

test('math in raw HTML blocks and display blocks in list items', () => {
  const text = '1. one\n   $$\n   g_1\n   $$\n\n<div>\n  $k$\n</div>\n';
  const doc = parseMarkdown(text);
  assert.deepEqual(
    doc.formulas.map((f) => [f.tex, text.slice(f.offset, f.endOffset), f.line, f.column]),
    [
      ['\ng_1\n', '$$\n   g_1\n   $$', 2, 4],
      ['k', '$k$', 7, 3],
    ],
  );
});

test('formulaAt answers "is this offset inside math?" over [offset, endOffset)', () => {
  const text = 'a $x$ b $$y$$ c\n\n$$\nz\n$$\n';
  const doc = parseMarkdown(text);
  const at = (i: number) => formulaAt(doc, i);
  assert.deepEqual(
    [...text].map((_, i) => at(i)).join(','),
    [-1, -1, 0, 0, 0, -1, -1, -1, 1, 1, 1, 1, 1, -1, -1, -1, -1, 2, 2, 2, 2, 2, 2, 2, -1].join(','),
  );
  assert.equal(formulaAt(parseMarkdown('no math'), 3), -1);
});

test('topLevelBlocks: line ranges and offsets into the original text', () => {
  const text = '# T\r\n\r\nPara $x$\r\nmore\r\n\r\n$$\r\ny\r\n$$\r\n';
  const doc = parseMarkdown(text);
  const blocks = topLevelBlocks(doc);
  assert.deepEqual(
    blocks.map((b) => [b.startLine, b.endLine, text.slice(b.startOffset, b.endOffset), b.formulaIndices]),
    [
      [0, 1, '# T', []],
      [2, 4, 'Para $x$\r\nmore', [0]],
      [5, 8, '$$\r\ny\r\n$$', [1]],
    ],
  );
});

test('every block token and list item carries its source line', () => {
  const text = '> quote\n>\n> - a\n>   - b\n>\n>   para\n\nend\n';
  const doc = parseMarkdown(text);
  const seen: Array<[string, number | undefined]> = [];
  const visit = (tokens: readonly Token[]): void => {
    for (const t of tokens) {
      if (t.type === 'space') continue;
      seen.push([t.type, (t as SourceLineField).sourceLine]);
      if (t.type === 'list')
        for (const item of t.items) {
          seen.push(['item', (item as SourceLineField).sourceLine]);
          visit(item.tokens);
        }
      else if (t.type === 'blockquote') visit(t.tokens ?? []);
    }
  };
  visit(doc.tokens);
  assert.deepEqual(seen, [
    // The outer list is loose (a blank line inside its item), the inner one tight.
    ['blockquote', 0],
    ['paragraph', 0],
    ['list', 2],
    ['item', 2],
    ['paragraph', 2],
    ['list', 3],
    ['item', 3],
    ['text', 3],
    ['paragraph', 5],
    ['paragraph', 7],
  ]);
});
