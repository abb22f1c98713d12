// MM303's fixes to choose from: each text fix makes the label draw a number (the diagnostic goes,
// nothing else changes in the document's formulas but the fix), the setting fix is offered only where
// numbering every display formula would number the label.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyFixes, lint } from '../../src/core/lint';

const text = readFileSync(path.join(__dirname, '../../../test/fixtures/lint/label-without-number.md'), 'utf8');
const mm303 = (t: string, equationNumbers: 'ams' | 'all' = 'ams') =>
  lint(t, { math: { equationNumbers } }).filter((d) => d.rule === 'MM303');
const keyOf = (t: string, d: { offset: number; endOffset: number }) => t.slice(d.offset, d.endOffset);

describe('MM303 label-without-number: fixes to choose from', () => {
  const found = mm303(text);

  it('offers the fixes that fit each formula', () => {
    assert.deepEqual(
      found.map((d) => `${keyOf(text, d)}: ${(d.choices ?? []).map((c) => c.title.split(':')[0]).join(', ')}`),
      [
        'plain: Number it, Tag it, Number every display formula',
        'starred: Number it, Tag it',
        'notag: Tag it',
        'inner: Number it, Tag it, Number every display formula',
        'quoted: Number it, Tag it, Number every display formula',
      ],
    );
    for (const d of found) assert.equal(d.fix, undefined, 'fix-all never picks one of the choices');
  });

  for (const d of found)
    for (const choice of d.choices ?? []) {
      const key = keyOf(text, d);
      it(`${key}: “${choice.title}” numbers the label`, () => {
        const fixed = choice.edits ? applyFixes(text, choice.edits) : text;
        const numbering = choice.setting ? (choice.setting.value as 'all') : 'ams';
        assert.ok(!mm303(fixed, numbering).some((x) => keyOf(fixed, x) === key), fixed);
        if (choice.edits) assert.equal(mm303(fixed).length, found.length - 1, 'the other labels are still reported');
      });
    }
});
