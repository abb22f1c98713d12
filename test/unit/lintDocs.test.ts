import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LintTarget } from '../../src/core/config/settings';
import { lint, RULES } from '../../src/core/lint';
import { MathdownRenderer } from './helpers/testRenderer';

// Every rule has docs/rules/ID.md whose failing example triggers the rule and whose fixed example does not:
// under the default targets (`## Failing`, `## Fixed`) or under a destination (`## Failing on github`).
const DOCS = path.join(__dirname, '../../../docs/rules');

function example(page: string, heading: string): string {
  const section = page.split(new RegExp(`^## ${heading}$`, 'm'))[1] ?? '';
  const m = /(`{3,})markdown\n([\s\S]*?)\n\1/.exec(section);
  assert.ok(m, `a markdown example under "## ${heading}"`);
  return m[2] + '\n';
}

/** The destinations a page shows examples for: undefined for the default targets. */
function exampleTargets(page: string): Array<LintTarget | undefined> {
  return [...page.matchAll(/^## Failing(?: on ([a-z-]+))?$/gm)].map((m) => m[1] as LintTarget | undefined);
}

describe('rule documentation', () => {
  let renderer: MathdownRenderer;
  before(() => {
    renderer = new MathdownRenderer();
  });
  after(() => renderer.dispose());

  it('every rule id and name is unique', () => {
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
    assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length);
  });

  it('docs/rules/README.md lists every rule with its name and default severity', () => {
    const index = readFileSync(path.join(DOCS, 'README.md'), 'utf8');
    const rows = index.split('\n').filter((l) => /^\| \[MM\d+\]/.test(l));
    assert.deepEqual(
      rows.map((l) => l.split(' | ').slice(0, 3).join(' | ')),
      RULES.map((r) => `| [${r.id}](${r.id}.md) | ${r.name} | ${r.defaultSeverity}`),
    );
  });

  for (const rule of RULES) {
    it(`${rule.id}: docs/rules/${rule.id}.md shows a failing and a fixed example`, async () => {
      const file = path.join(DOCS, `${rule.id}.md`);
      assert.ok(existsSync(file), `${file} exists`);
      const page = readFileSync(file, 'utf8');
      assert.match(page, new RegExp(`^# ${rule.id} ${rule.name}\\n`));
      const targets = exampleTargets(page);
      assert.ok(targets.length, 'a failing example');
      for (const target of targets) {
        const ids = async (text: string) =>
          lint(text, { formulas: (await renderer.render(text)).formulas, ...(target ? { targets: [target] } : {}) }).map((d) => d.rule);
        const on = target ? ` on ${target}` : '';
        assert.ok((await ids(example(page, `Failing${on}`))).includes(rule.id), `the failing example${on} is flagged`);
        assert.ok(!(await ids(example(page, `Fixed${on}`))).includes(rule.id), `the fixed example${on} is clean`);
      }
    });
  }
});
