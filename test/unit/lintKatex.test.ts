// The katex target: MM304 flags exactly the formulas KaTeX (the version VS Code's preview ships)
// rejects, checked here by calling KaTeX directly, on the lint fixtures and on the real documents
// of the shared corpus when this machine has it (a clone does not: the test says so and checks
// the fixtures only).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import katex from 'katex-vscode';
import { lint } from '../../src/core/lint';
import { parseMarkdown } from '../../src/core/markdown';
import { DEFAULT_MATH_OPTIONS, type Formula } from '../../src/core/types';
import { corpusDir, corpusDocuments } from './helpers/sharedCorpus';

const ROOT = path.join(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/lint');

/** The formulas KaTeX rejects, asked of KaTeX directly, in document order with one macro table (as `globalGroup` shares it). */
function rejectedByKatex(formulas: readonly Formula[]): Set<number> {
  const macros: Record<string, string> = {};
  const out = new Set<number>();
  formulas.forEach((f, i) => {
    if (f.delimiter === 'ref' || f.delimiter === '{eq}') return;
    try {
      katex.renderToString(f.tex, {
        displayMode: f.display,
        throwOnError: true,
        globalGroup: true,
        macros,
        strict: 'ignore',
      });
    } catch (e) {
      assert.ok(e instanceof katex.ParseError, `formula ${i}: KaTeX threw ${String(e)}`);
      out.add(i);
    }
  });
  return out;
}

function flaggedByMm304(text: string, formulas: readonly Formula[]): Set<number> {
  const out = new Set<number>();
  for (const d of lint(text, { targets: ['katex'], formulas }).filter((x) => x.rule === 'MM304')) {
    const i = formulas.findIndex((f) => d.offset >= f.offset && d.offset < f.endOffset);
    assert.ok(i >= 0, `MM304 at ${d.line}:${d.column} lies inside a formula`);
    out.add(i);
  }
  return out;
}

function fixtureDocuments(): Array<{ name: string; text: string }> {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name: f, text: readFileSync(path.join(FIXTURES, f), 'utf8') }));
}

describe('katex target', () => {
  it(`uses KaTeX ${katex.version}, the version VS Code's markdown-math extension locks (@vscode/markdown-it-katex 1.1.0)`, () => {
    assert.equal(katex.version, '0.16.10');
  });

  for (const set of ['fixtures', 'corpus'] as const) {
    it(`MM304 flags exactly the formulas KaTeX rejects, on every formula of the ${set === 'fixtures' ? 'lint fixtures' : 'shared corpus'}`, () => {
      if (set === 'corpus' && !corpusDir()) {
        console.log('NOTE: ../shared/corpus is not on this machine; MM304 checked against KaTeX on the lint fixtures only.');
        return;
      }
      const docs = set === 'fixtures' ? fixtureDocuments() : corpusDocuments();
      let checked = 0;
      let rejected = 0;
      let flagged = 0;
      for (const { name, text } of docs) {
        const parsed = parseMarkdown(text).formulas;
        const byKatex = rejectedByKatex(parsed);
        const byRule = flaggedByMm304(text, parsed);
        checked += parsed.filter((f) => f.delimiter !== 'ref' && f.delimiter !== '{eq}').length;
        rejected += byKatex.size;
        flagged += byRule.size;
        assert.deepEqual(
          [...byRule].sort((a, b) => a - b),
          [...byKatex].sort((a, b) => a - b),
          name,
        );
      }
      console.log(
        `katex target, ${set} (${docs.length} documents): ${checked} formulas checked, ${rejected} rejected by KaTeX ${katex.version}, ${flagged} flagged by MM304: exactly the rejected ones`,
      );
      assert.ok(rejected > 0);
    });
  }

  it("checks each formula in the mode it is typeset in: kramdown's $$…$$ in running text inline, MyST's {math} directive display", () => {
    // KaTeX takes \tag in display math only.
    const text = 'Text $$x \\tag{1}$$ more.\n';
    const mm304 = (doubleDollarInText: 'inline' | 'display') =>
      lint(text, { targets: ['katex'], math: { ...DEFAULT_MATH_OPTIONS, doubleDollarInText } }).filter((d) => d.rule === 'MM304');
    assert.equal(mm304('display').length, 0, 'display: accepted');
    const inline = mm304('inline');
    assert.equal(inline.length, 1, 'inline: rejected');
    assert.match(inline[0].message, /tag/);
    const myst = '---\nmyst: {}\n---\n\n```{math}\n\\begin{align} a &= b \\end{align}\n```\n\nSee {eq}`x`.\n';
    assert.deepEqual(
      lint(myst, { targets: ['katex'] }).filter((d) => d.rule === 'MM304'),
      [],
      'align in a {math} directive is display math to KaTeX, and {eq} is a reference, not a formula',
    );
  });

  it('is silent unless katex is a target', () => {
    const text = '$\\mbox{a}$\n';
    assert.deepEqual(
      lint(text).filter((d) => d.rule === 'MM304'),
      [],
    );
    assert.equal(lint(text, { targets: ['github', 'katex'] }).filter((d) => d.rule === 'MM304').length, 1);
  });
});
