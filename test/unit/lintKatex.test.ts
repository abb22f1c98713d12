// The katex target: MM304 flags exactly the formulas KaTeX (the version VS Code's preview ships)
// rejects, checked here by calling KaTeX directly, on the lint fixtures and on the real documents
// of the shared corpus when this machine has it (a clone does not: the test says so and checks
// the fixtures only).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import katex from 'katex-vscode';
import { lint } from '../../src/core/lint';
import { parseMarkdown } from '../../src/core/markdown';
import type { Formula } from '../../src/core/types';

const ROOT = path.join(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/lint');

/** `../shared/corpus` beside the repository (or beside the folder of worktrees holding it). */
function corpusDir(): string | undefined {
  for (let d = ROOT; path.dirname(d) !== d; d = path.dirname(d)) {
    const c = path.join(path.dirname(d), 'shared/corpus');
    if (existsSync(c)) return c;
  }
  return undefined;
}

const DISPLAY = new Set<Formula['delimiter']>(['$$', '\\[', '\\\\[', 'env', 'math-fence']);

/** The formulas KaTeX rejects, asked of KaTeX directly, in document order with one macro table (as `globalGroup` shares it). */
function rejectedByKatex(formulas: readonly Formula[]): Set<number> {
  const macros: Record<string, string> = {};
  const out = new Set<number>();
  formulas.forEach((f, i) => {
    if (f.delimiter === 'ref') return;
    try {
      katex.renderToString(f.tex, {
        displayMode: DISPLAY.has(f.delimiter),
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

function flaggedByMm303(text: string, formulas: readonly Formula[]): Set<number> {
  const out = new Set<number>();
  for (const d of lint(text, { targets: ['katex'], formulas }).filter((x) => x.rule === 'MM304')) {
    const i = formulas.findIndex((f) => d.offset >= f.offset && d.offset < f.endOffset);
    assert.ok(i >= 0, `MM304 at ${d.line}:${d.column} lies inside a formula`);
    out.add(i);
  }
  return out;
}

function documents(): Array<{ name: string; text: string }> {
  const docs = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name: f, text: readFileSync(path.join(FIXTURES, f), 'utf8') }));
  const corpus = corpusDir();
  if (!corpus) console.log('NOTE: ../shared/corpus is not on this machine; MM304 checked against KaTeX on the lint fixtures only.');
  else
    for (const f of readdirSync(corpus).filter((n) => n.endsWith('.md') && n !== 'README.md'))
      docs.push({ name: `corpus/${f}`, text: readFileSync(path.join(corpus, f), 'utf8') });
  return docs;
}

describe('katex target', () => {
  it(`uses KaTeX ${katex.version}, the version VS Code's markdown-math extension locks (@vscode/markdown-it-katex 1.1.0)`, () => {
    assert.equal(katex.version, '0.16.10');
  });

  it('MM304 flags exactly the formulas KaTeX rejects, on every formula of the fixtures and the corpus', () => {
    let formulas = 0;
    let rejected = 0;
    for (const { name, text } of documents()) {
      const parsed = parseMarkdown(text).formulas;
      const byKatex = rejectedByKatex(parsed);
      formulas += parsed.length;
      rejected += byKatex.size;
      assert.deepEqual(
        [...flaggedByMm303(text, parsed)].sort((a, b) => a - b),
        [...byKatex].sort((a, b) => a - b),
        name,
      );
    }
    console.log(
      `katex target: ${formulas} formulas, ${rejected} rejected by KaTeX ${katex.version}, every one flagged by MM304 and no other`,
    );
    assert.ok(rejected > 0);
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
