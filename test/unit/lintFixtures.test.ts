import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyFixes, fixAll, fixAsOneEdit, lint, type LintDiagnostic, type LintOptions, type TextEdit } from '../../src/core/lint';
import { parseMarkdown } from '../../src/core/markdown';
import { MathdownRenderer } from './helpers/testRenderer';
import { parseSettings } from '../../src/core/config/parseSettings';
import type { Formula } from '../../src/core/types';

// Each test/fixtures/lint/NAME.md has a sidecar NAME.json: {"settings"?: {...}, "diagnostics": ["L:C-L:C RULE", …]}.
const DIR = path.join(__dirname, '../../../test/fixtures/lint');
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();

interface Sidecar {
  settings?: Record<string, unknown>;
  diagnostics: string[];
}

function optionsFor(sidecar: Sidecar): Omit<LintOptions, 'formulas'> {
  const { settings, problems } = parseSettings(sidecar.settings ?? {});
  assert.deepEqual(problems, []);
  return { math: settings.math, targets: settings.lint.targets, rules: settings.lint.rules };
}

const show = (d: LintDiagnostic) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.rule}`;

/**
 * TeX up to spacing, with the bar macros the fixes write read as the bars they replace, and
 * without the doubled `\[ … \]` inside `$$` that MM205's fix removes.
 */
const normTex = (tex: string) =>
  tex
    .replace(/\\vert(?![A-Za-z])/g, '|')
    .replace(/\\Vert(?![A-Za-z])/g, '\\|')
    .replace(/\s+/g, '')
    .replace(/^\\\[(.*)\\\]$/, '$1');
const texList = (formulas: readonly Formula[]) => formulas.filter((f) => f.delimiter !== 'ref').map((f) => normTex(f.tex));

/** Where `offset` of the old text lands after the edits. */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
    if (e.offset + e.length <= offset && !(e.length === 0 && e.offset === offset)) shift += e.text.length - e.length;
    else if (e.offset <= offset) return e.offset + shift;
  }
  return offset + shift;
}

describe('lint fixtures', () => {
  let renderer: MathdownRenderer;
  before(() => {
    renderer = new MathdownRenderer();
  });
  after(() => renderer.dispose());

  for (const file of FIXTURES) {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const sidecar = JSON.parse(readFileSync(path.join(DIR, file.replace(/\.md$/, '.json')), 'utf8')) as Sidecar;
    const options = optionsFor(sidecar);

    it(`${file}: reports exactly the expected diagnostics`, async () => {
      const { formulas } = await renderer.render(text, { math: options.math ?? {} });
      assert.deepEqual(lint(text, { ...options, formulas }).map(show), sidecar.diagnostics);
    });

    it(`${file}: each fix removes its problem, keeps the rest of the text and the TeX`, () => {
      const before = lint(text, options);
      const texBefore = texList(parseMarkdown(text, options.math).formulas);
      for (const d of before.filter((x) => x.fix)) {
        const edits = d.fix!;
        const fixed = applyFixes(text, edits);
        const quickFix = fixAsOneEdit(edits, (a, b) => text.slice(a, b));
        assert.equal(
          text.slice(0, quickFix.offset) + quickFix.text + text.slice(quickFix.offset + quickFix.length),
          fixed,
          `${show(d)}: the quick fix's one edit differs from applyFixes`,
        );
        const first = Math.min(...edits.map((e) => e.offset));
        const last = Math.max(...edits.map((e) => e.offset + e.length));
        assert.equal(fixed.slice(0, first), text.slice(0, first), `${show(d)}: text before the fix changed`);
        assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), `${show(d)}: text after the fix changed`);
        const at = mapOffset(d.offset, edits);
        const still = lint(fixed, options).filter((x) => x.rule === d.rule && x.offset <= at && at < Math.max(x.endOffset, x.offset + 1));
        assert.deepEqual(still.map(show), [], `${show(d)} is still reported after its fix:\n${fixed}`);
        const texAfter = texList(parseMarkdown(fixed, options.math).formulas);
        if (d.rule === 'MM106' || d.rule === 'MM202') {
          assert.equal(texAfter.length, texBefore.length + 1, `${show(d)}: the fix should turn the text into one formula`);
          assert.ok(isSubsequence(texBefore, texAfter), `${show(d)}: other formulas changed`);
        } else if (d.rule === 'MM304' || d.rule === 'MM305') {
          // KaTeX's equivalents and github.com's rewrite of \operatorname change the TeX by design: the formulas stay, one for one.
          assert.equal(texAfter.length, texBefore.length, `${show(d)}: the fix changed the formulas`);
        } else {
          assert.deepEqual(texAfter, texBefore, `${show(d)}: the fix changed a formula's TeX`);
        }
      }
    });

    it(`${file}: fix all leaves nothing fixable and every formula's TeX`, () => {
      const { text: fixed } = fixAll(text, options);
      assert.deepEqual(
        lint(fixed, options)
          .filter((d) => d.fix)
          .map(show),
        [],
      );
      const [before, after] = [texList(parseMarkdown(text, options.math).formulas), texList(parseMarkdown(fixed, options.math).formulas)];
      if (options.targets?.some((t) => t === 'katex' || t === 'github-mathjax')) assert.equal(after.length, before.length);
      else assert.ok(isSubsequence(before, after));
    });
  }
});

function isSubsequence(small: readonly string[], big: readonly string[]): boolean {
  let i = 0;
  for (const x of big) if (i < small.length && small[i] === x) i++;
  return i === small.length;
}
