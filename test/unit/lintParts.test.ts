import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyFixes, fixAll, fixAsOneEdit, lint, lintDocument } from '../../src/core/lint';
import { readSuppressions } from '../../src/core/lint/suppressions';
import { texErrorRange } from '../../src/core/lint/checks/texErrorRange';
import { findRule } from '../../src/core/lint/rules';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { UNDEFINED_FOO } from './helpers/texErrorFormula';

const DIR = path.join(__dirname, '../../../test/fixtures/lint');

describe('applyFixes', () => {
  it('applies edits given in any order on the original offsets', () => {
    assert.equal(
      applyFixes('a|b|c', [
        { offset: 3, length: 1, text: '\\vert ' },
        { offset: 1, length: 1, text: '\\vert ' },
      ]),
      'a\\vert b\\vert c',
    );
  });
  it('takes identical edits once and skips an edit overlapping one already taken', () => {
    const e = { offset: 0, length: 1, text: '$`' };
    assert.equal(applyFixes('$x$', [e, e, { offset: 2, length: 1, text: '`$' }]), '$`x`$');
    assert.equal(
      applyFixes('abcdef', [
        { offset: 1, length: 3, text: 'X' },
        { offset: 2, length: 3, text: 'Y' },
      ]),
      'aXef',
    );
  });
  it('inserts, deletes, and ignores edits outside the text', () => {
    assert.equal(
      applyFixes('ab', [
        { offset: 1, length: 0, text: '-' },
        { offset: 5, length: 1, text: '!' },
      ]),
      'a-b',
    );
    assert.equal(applyFixes('a\n\nb', [{ offset: 2, length: 1, text: '' }]), 'a\nb');
  });
  it('gives a quick fix as one edit of the span it covers, made by applyFixes on that span', () => {
    const text = 'x $a|b|c$ y';
    const edits = [
      { offset: 6, length: 1, text: '\\vert ' },
      { offset: 4, length: 1, text: '\\vert ' },
    ];
    const reads: string[] = [];
    const one = fixAsOneEdit(edits, (a, b) => (reads.push(text.slice(a, b)), text.slice(a, b)));
    assert.deepEqual(one, { offset: 4, length: 3, text: '\\vert b\\vert ' });
    assert.deepEqual(reads, ['|b|']);
  });
});

describe('suppression comments', () => {
  const idOf = (r: string) => findRule(r)?.id;
  it('disable/enable by id and by name, for all rules, and for the next line only', () => {
    const text = [
      '<!-- mathdown-disable MM101 -->', // 0
      'x',
      '<!-- mathdown-enable emphasis-in-math -->', // 2
      '<!-- mathdown-disable-next-line MM102 -->', // 3
      'y', // 4
      'z', // 5
      '<!-- mathdown-disable -->', // 6
      '<!-- mathdown-enable MM301 -->', // 7
      'w', // 8
      '<!-- mathdown-enable -->', // 9
    ].join('\n');
    const off = readSuppressions(text, idOf);
    assert.deepEqual(
      [0, 1, 2].map((l) => off('MM101', l)),
      [true, true, false],
    );
    assert.deepEqual(
      [4, 5].map((l) => off('MM102', l)),
      [true, false],
    );
    assert.equal(off('MM101', 4), false);
    assert.deepEqual([off('MM101', 8), off('MM301', 8), off('MM301', 9), off('MM101', 9)], [true, false, false, false]);
  });
  it('ignores comments naming unknown rules', () => {
    assert.equal(readSuppressions('<!-- mathdown-disable MM999 -->\nx', idOf)('MM101', 1), false);
  });
});

describe('TeX error ranges', () => {
  const range = (tex: string, id: string, message: string, offset?: number) => {
    const r = texErrorRange(tex, { id, message, ...(offset === undefined ? {} : { offset }) });
    return r && tex.slice(r[0], r[1]);
  };
  it("underlines the control sequence before MathJax's offset (spaces skipped)", () => {
    assert.equal(range('a + \\foo + b', 'UndefinedControlSequence', 'Undefined control sequence \\foo', 9), '\\foo');
    assert.equal(range('\\frac{1}{\\foo x}', 'UndefinedControlSequence', 'Undefined control sequence \\foo', 14), '\\foo');
    assert.equal(range('a + b} + c', 'ExtraCloseMissingOpen', 'Extra close brace or missing open brace', 6), '}');
    assert.equal(range('x^2^3', 'DoubleExponent', 'Double exponent: use braces to clarify', 4), '^');
    assert.equal(range('a & b', 'Misplaced', 'Misplaced &', 3), '&');
  });
  it('underlines the unmatched opener for missing-close errors', () => {
    assert.equal(range('\\sqrt{\\frac{a}{b + \\sqrt{c}}', 'MissingCloseBrace', 'Missing close brace', 27), '{');
    assert.equal(range('\\begin{align} a \\begin{align} b \\end{align}', 'EnvMissingEnd', 'Missing \\end{align}', 43), '\\begin{align}');
    assert.equal(range('\\frac{a}', 'MissingArgFor', 'Missing argument for \\frac', 8), '\\frac');
    assert.equal(range('\\left( x', 'ExtraLeftMissingRight', 'Extra \\left or missing \\right', 8), '\\left');
  });
  it('gives up (whole formula) when nothing can be placed', () => {
    assert.equal(texErrorRange('x', { id: 'Timeout', message: 'Timed out' }), undefined);
  });
});

describe('positions', () => {
  it('CRLF documents get the same lines, columns and fixes as LF ones', () => {
    for (const name of ['tables.md', 'blocks.md', 'escapes.md', 'blank-lines.md', 'delimiters.md']) {
      const lf = readFileSync(path.join(DIR, name), 'utf8');
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = lint(lf);
      const b = lint(crlf);
      assert.deepEqual(
        b.map((d) => [d.rule, d.line, d.column, d.endLine, d.endColumn]),
        a.map((d) => [d.rule, d.line, d.column, d.endLine, d.endColumn]),
        name,
      );
      assert.deepEqual(
        b.map((d) => crlf.slice(d.offset, d.endOffset)),
        a.map((d) => lf.slice(d.offset, d.endOffset)),
        name,
      );
      assert.equal(fixAll(crlf).text.replace(/\r\n/g, '\n'), fixAll(lf).text, name);
    }
  });

  it('formulas in block quotes and lists: ranges inside the TeX land on the document characters', () => {
    const text = '> Quote:\n> $$\n> a \\\\\n> b \\{\n> $$\n\n- item\n  $x_{1}^{*} + y_{1}^{*}$\n';
    const found = lint(text, { targets: ['markdown-then-mathjax'] }).map(
      (d) => `${d.rule}:${text.slice(d.offset, d.endOffset)}@${d.line}:${d.column}`,
    );
    assert.deepEqual(found, ['MM102:\\\\@3:5', 'MM102:\\{@4:5', 'MM101:*@8:11', 'MM101:*@8:23']);
  });
});

describe('lintDocument', () => {
  it("takes MathJax's errors from the renderer it is given, with the document's settings", async () => {
    const calls: unknown[] = [];
    const renderer = {
      async formulas(text: string, options?: unknown) {
        calls.push(options);
        const f = UNDEFINED_FOO;
        return text.startsWith('$\\foo$') ? [f] : [];
      },
    };
    const settings = { ...DEFAULT_SETTINGS, lint: { ...DEFAULT_SETTINGS.lint, rules: { MM302: 'off' as const } } };
    const ds = await lintDocument('$\\foo$ \\eqref{nowhere}\n', settings, { renderer });
    assert.deepEqual(
      ds.map((d) => [d.rule, d.column, d.endColumn, d.message]),
      [['MM301', 2, 6, 'Undefined control sequence \\foo']],
    );
    assert.equal(calls.length, 1);
    const off = await lintDocument('$\\foo$\n', { ...settings, lint: { ...settings.lint, rules: { MM301: 'off' } } }, { renderer });
    assert.deepEqual(off, []);
    assert.equal(calls.length, 1, 'no render when MM301 is off');
  });
});
