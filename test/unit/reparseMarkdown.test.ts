import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Token, Tokens } from 'marked';
import { parseMarkdown, type ParsedDocument, type SourceLineField } from '../../src/core/markdown';
import { reparseMarkdown } from '../../src/core/markdown/reparseMarkdown';

const fixtures = join(__dirname, '../../../test/fixtures/math');
const base = readdirSync(fixtures)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(fixtures, f), 'utf8').replace(/\r\n?/g, '\n'))
  .join('\n\n');

/** Snippets an edit inserts: each can change how far a block reaches. */
const INSERTS = [
  'x',
  '$',
  '$$',
  '\n',
  '\n\n',
  '```\n',
  '~~~math\n',
  '<!--',
  '-->',
  '<details>\n',
  '\\begin{align}',
  '\\end{align}',
  '| a | b |\n|---|---|\n',
  '===\n',
  '- ',
  '> ',
  '    ',
  '\\',
  '`',
  '[r]: /x\n',
  '---\n',
  '\\[',
  '\\]',
  '# ',
];

/** Every token, nested ones included, with the position fields the parse sets on it. */
function shape(doc: ParsedDocument) {
  const tokens = (list: readonly Token[]): unknown[] =>
    list.map((t) => {
      const m = t as Token & SourceLineField & { formulaIndex?: number; offset?: number; texOffset?: number; endOffset?: number };
      const children: unknown[] = [];
      if ('tokens' in t && t.tokens) children.push(tokens(t.tokens));
      if (t.type === 'list') children.push(tokens((t as Tokens.List).items));
      if (t.type === 'table') {
        const table = t as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) children.push(tokens(cell.tokens));
      }
      return [t.type, t.raw, m.sourceLine, m.formulaIndex, m.offset, m.texOffset, m.endOffset, children];
    });
  return { tokens: tokens(doc.tokens), formulas: doc.formulas, lineCount: doc.lineCount };
}

function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

test('re-lexing around an edit gives exactly the tokens and formulas of a full parse', () => {
  const rnd = random(12345);
  let text = base;
  let previous = reparseMarkdown(undefined, text);
  let reused = 0;
  const EDITS = 400;
  for (let i = 0; i < EDITS; i++) {
    const at = rnd(text.length + 1);
    const kind = rnd(3);
    if (kind === 0) text = text.slice(0, at) + INSERTS[rnd(INSERTS.length)] + text.slice(at);
    else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + rnd(12));
    else text = text.slice(0, at) + String.fromCharCode(97 + rnd(26)) + text.slice(at + 1);
    const before = previous.tokens;
    const incremental = reparseMarkdown(previous, text);
    if (incremental.tokens.some((t) => before.includes(t))) reused++;
    assert.deepEqual(shape(incremental), shape(parseMarkdown(text)), `edit ${i} at ${at}`);
    previous = incremental;
  }
  console.log(`${EDITS} random edits on ${base.length} characters: ${reused} re-lexed incrementally, all equal to a full parse`);
  assert.ok(reused > EDITS / 2, 'most edits reuse tokens');
});

test('a change of options or a CRLF document falls back to a full parse', () => {
  const doc = reparseMarkdown(undefined, base);
  const other = reparseMarkdown(doc, base.replace('$', '$ '), { delimiters: ['dollars'] });
  assert.deepEqual(shape(other), shape(parseMarkdown(base.replace('$', '$ '), { delimiters: ['dollars'] })));
  const crlf = base.replace(/\n/g, '\r\n');
  assert.deepEqual(shape(reparseMarkdown(reparseMarkdown(undefined, crlf), crlf + 'x')), shape(parseMarkdown(crlf + 'x')));
});
