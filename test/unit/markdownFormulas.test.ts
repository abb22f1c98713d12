// Every fixture in test/fixtures/math/*.md against its expected formula list (*.json beside it):
// TeX, display, delimiter, 1-based line and column. The JSON is an array, or
// { options, formulas } when the fixture needs non-default math options.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseMarkdown } from '../../src/core/markdown';
import type { MathOptions } from '../../src/core/types';

const FIXTURES = join(__dirname, '../../../test/fixtures/math');

interface Expected {
  tex: string;
  display: boolean;
  delimiter: string;
  line: number;
  column: number;
  label?: string;
}

function load(name: string): { text: string; options: Partial<MathOptions> | undefined; formulas: Expected[] } {
  const text = readFileSync(join(FIXTURES, `${name}.md`), 'utf8');
  const spec = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as
    Expected[] | { options: Partial<MathOptions>; formulas: Expected[] };
  return Array.isArray(spec) ? { text, options: undefined, formulas: spec } : { text, ...spec };
}

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();

test('there are math fixtures', () => {
  assert.ok(names.length >= 15, `found ${names.length}`);
});

for (const name of names) {
  test(`fixture ${name}`, () => {
    const { text, options, formulas } = load(name);
    const doc = parseMarkdown(text, options);
    const got = doc.formulas.map(({ tex, display, delimiter, line, column, label }) => ({
      tex,
      display,
      delimiter,
      line,
      column,
      ...(label !== undefined ? { label } : {}),
    }));
    assert.deepEqual(got, formulas);
  });

  test(`fixture ${name}: offsets point at the source`, () => {
    const { text, options } = load(name);
    const doc = parseMarkdown(text, options);
    for (const f of doc.formulas) {
      assert.ok(f.offset <= f.texOffset && f.texOffset <= f.endOffset && f.endOffset <= text.length, JSON.stringify(f));
      // A single-line TeX is a contiguous slice of the document.
      // (MyST's `{eq}` reference is typeset as the `\eqref{…}` it stands for.)
      if (!f.tex.includes('\n') && f.delimiter !== 'math-fence' && f.delimiter !== '{eq}')
        assert.equal(text.slice(f.texOffset, f.texOffset + f.tex.length), f.tex);
      const lineStart =
        text
          .split('\n')
          .slice(0, f.line - 1)
          .join('\n').length + (f.line > 1 ? 1 : 0);
      assert.equal(f.offset, lineStart + f.column - 1, `offset agrees with line/column for ${JSON.stringify(f.tex)}`);
    }
  });

  test(`fixture ${name}: tokens carry formula indices`, () => {
    const { text, options } = load(name);
    const doc = parseMarkdown(text, options);
    const seen: number[] = [];
    const visit = (tokens: readonly object[]): void => {
      for (const t of tokens as Array<Record<string, unknown>>) {
        if (t['type'] === 'math') seen.push(t['formulaIndex'] as number);
        for (const key of ['tokens', 'items']) if (Array.isArray(t[key])) visit(t[key] as object[]);
        if (t['type'] === 'table') {
          for (const cell of [...(t['header'] as object[]), ...(t['rows'] as object[][]).flat()])
            visit((cell as { tokens: object[] }).tokens);
        }
      }
    };
    visit(doc.tokens);
    assert.deepEqual(
      seen.slice().sort((a, b) => a - b),
      doc.formulas.map((_, i) => i),
    );
  });
}
