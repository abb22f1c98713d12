// Destinations (lint.targets): the legacy names keep their meaning, and each destination's model
// holds on small documents whose expected diagnostics say what the place does.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LintTarget } from '../../src/core/config/settings';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { lint, type LintDiagnostic } from '../../src/core/lint';
import { generateDocument } from './lintGenerator';

const DIR = path.join(__dirname, '../../../test/fixtures/lint');
const docs = [
  ...readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name: f, text: readFileSync(path.join(DIR, f), 'utf8') })),
  ...Array.from({ length: 60 }, (_, i) => ({ name: `gen${i + 1}`, text: generateDocument(i + 1) })),
];

/** Everything but the message, which names the destination. */
const shape = (d: LintDiagnostic) => `${d.rule} ${d.offset}-${d.endOffset} ${JSON.stringify(d.fix ?? null)}`;
const run = (text: string, targets: readonly LintTarget[]) => lint(text, { targets }).map(shape);
const rules = (text: string, targets: readonly LintTarget[]) => lint(text, { targets }).map((d) => `${d.line}:${d.column} ${d.rule}`);

describe('lint targets', () => {
  it('the default destination is github.com', () => {
    assert.deepEqual(DEFAULT_SETTINGS.lint.targets, ['github']);
  });

  it('markdown-then-mathjax finds exactly what the legacy gfm + commonmark found, on the fixtures and generated documents', () => {
    for (const { name, text } of docs) assert.deepEqual(run(text, ['markdown-then-mathjax']), run(text, ['gfm', 'commonmark']), name);
  });

  it('github: inline $…$ loses escapes and pairs emphasis; $$…$$, $`…`$ and ```math keep their TeX', () => {
    const text = [
      'A set $\\{x\\}$ and a product $a*b*c$.',
      '',
      '$$',
      '\\{x\\} \\\\ a*b*c \\, y',
      '- z',
      '$$',
      '',
      'The form $`\\{x\\}`$ is safe.',
      '',
      '```math',
      '\\{x\\} \\\\ y',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '| $|x|$ | 1 |',
      '',
      'Brackets \\(x\\) are not math there.',
      '',
    ].join('\n');
    assert.deepEqual(rules(text, ['github']), [
      '1:8 MM102',
      '1:11 MM102',
      '1:31 MM101',
      '1:33 MM101',
      '16:4 MM104',
      '16:6 MM104',
      '18:10 MM107',
    ]);
    const mentions = lint(text, { targets: ['github'] }).map((d) => d.message);
    assert.ok(
      mentions.every((m) => m.includes('github.com')),
      mentions.join('\n'),
    );
  });

  it('pandoc and katex read no Markdown inside math; kramdown reads a single $ as text', () => {
    const text = 'A set $\\{x\\}$ and $$\\{y\\}$$ in text.\n';
    assert.deepEqual(rules(text, ['pandoc']), []);
    assert.deepEqual(rules(text, ['katex']), []);
    assert.deepEqual(rules(text, ['kramdown']), ['1:8 MM102', '1:11 MM102', '1:19 MM204']);
  });

  it("github-mathjax is an engine: it reads no Markdown, and beside github adds only what github.com's MathJax does not render", () => {
    const text = 'A set $\\{x\\}$ and $\\operatorname{rk} A$.\n';
    assert.deepEqual(rules(text, ['github-mathjax']), ['1:20 MM305']);
    assert.deepEqual(rules(text, ['github', 'github-mathjax']), ['1:8 MM102', '1:11 MM102', '1:20 MM305']);
    assert.ok(lint(text, { targets: ['github-mathjax'] }).every((d) => d.message.includes('github.com')));
  });
});
