import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../src/core/lint';
import { NUMBERING } from '../../src/core/mathjax/texEffects';
import { parseMarkdown } from '../../src/core/markdown';
import { MATH_ENVIRONMENTS, NUMBERED_ENVIRONMENTS } from '../../src/core/scanner/scannerEnvironments';

test('every math environment opens display math, and lint reports it left open', () => {
  for (const name of MATH_ENVIRONMENTS) {
    for (const env of [name, `${name}*`]) {
      assert.equal(parseMarkdown(`\\begin{${env}}x\\end{${env}}\n`).formulas[0]?.display, true, env);
      const open = lint(`\\begin{${env}}\nx\n\nText.\n`).map((d) => d.rule);
      assert.deepEqual(open, ['MM201'], env);
    }
  }
  assert.deepEqual(lint('\\begin{theorem}\nx\n\nText.\n'), [], 'not a math environment');
});

test('the numbered environments are math environments, and mark a formula as numbering', () => {
  for (const name of NUMBERED_ENVIRONMENTS) {
    assert.ok(MATH_ENVIRONMENTS.has(name), name);
    assert.ok(NUMBERING.test(`\\begin{${name}*} x \\end{${name}*}`), name);
  }
  assert.ok(!NUMBERING.test('\\begin{aligned} x \\end{aligned}'));
});
