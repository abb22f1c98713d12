import { equationRows } from '../../labels/equationRows';
import { labelIndexOf, type LabelDefinition } from '../../labels/labelIndex';
import type { ChoiceFix, LintContext, LintRule, Problem } from '../types';

/** Environments that go inside an equation (one number for the whole). */
const INNER = new Set(['aligned', 'alignedat', 'gathered', 'split', 'cases', 'matrix', 'pmatrix', 'bmatrix', 'array']);
/** Numbered environments whose starred form draws no number. */
const STARRABLE = new Set(['equation', 'align', 'gather', 'multline', 'flalign', 'alignat']);

export const mm303LabelWithoutNumber: LintRule = {
  id: 'MM303',
  name: 'label-without-number',
  description: '`\\label{x}` on a display formula or row that draws no equation number: `\\eqref{x}` shows (???)',
  tags: ['tex', 'labels'],
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const index = labelIndexOf(ctx, ctx.math.equationNumbers);
    const out: Problem[] = [];
    let numberedUnderAll: Set<string> | undefined;
    for (const d of index.definitions) {
      const f = ctx.formulas[d.formulaIndex]!;
      if (!f.display || d.number !== undefined || !d.row) continue;
      numberedUnderAll ??= new Set(
        equationRows(ctx.formulas, 'all')
          .filter((r) => r.number !== undefined)
          .map((r) => `${r.formulaIndex}:${r.texStart}`),
      );
      const choices = choicesFor(ctx, d, numberedUnderAll.has(`${d.formulaIndex}:${d.row.texStart}`));
      out.push({
        offset: d.offset,
        endOffset: d.endOffset,
        message: `\\label{${d.key}} is on ${rowWord(ctx, d)} that draws no equation number (mathdown.math.equationNumbers is "${ctx.math.equationNumbers}"): \\eqref{${d.key}} shows (???). Number it (an equation environment or \\tag), or remove the label.`,
        ...(choices.length ? { choices } : {}),
      });
    }
    return out;
  },
};

function rowWord(ctx: LintContext, d: LabelDefinition): string {
  const tex = ctx.formulas[d.formulaIndex]!.tex;
  return d.row && (d.row.texStart > 0 || d.row.texEnd < tex.length) ? 'a row' : 'a formula';
}

function choicesFor(ctx: LintContext, d: LabelDefinition, numberedUnderAll: boolean): ChoiceFix[] {
  const f = ctx.formulas[d.formulaIndex]!;
  const map = ctx.texMap(d.formulaIndex);
  const out: ChoiceFix[] = [];
  const open = /^\s*\\begin\s*\{([A-Za-z]+)(\*?)\}/.exec(f.tex);
  const name = open?.[1];
  if (map.exact && name && open[2] && STARRABLE.has(name)) {
    const end = f.tex.lastIndexOf(`\\end{${name}*}`);
    if (end >= 0)
      out.push({
        title: `Number it: write ${name} instead of ${name}*`,
        edits: [
          { offset: map.toDocument(open[0].length - 2), length: 1, text: '' },
          { offset: map.toDocument(end + 5 + name.length), length: 1, text: '' },
        ],
      });
  } else if (map.exact && (!name || INNER.has(name))) {
    // A formula that is not an environment of its own (or only an inner one such as aligned) takes
    // one number inside equation.
    const lead = f.tex.length - f.tex.trimStart().length;
    const trail = f.tex.length - f.tex.trimEnd().length;
    out.push({
      title: 'Number it: wrap the formula in \\begin{equation}…\\end{equation}',
      edits: [
        { offset: map.toDocument(lead), length: 0, text: '\\begin{equation}' },
        { offset: map.toDocument(f.tex.length - trail - 1) + 1, length: 0, text: '\\end{equation}' },
      ],
    });
  }
  if (!d.row?.tagged && /^[^\s]+$/.test(d.key) && d.exact)
    out.push({
      title: `Tag it: add \\tag{${d.key}} before the label`,
      edits: [{ offset: d.commandOffset, length: 0, text: `\\tag{${d.key}} ` }],
    });
  if (numberedUnderAll && ctx.math.equationNumbers !== 'all')
    out.push({
      title: 'Number every display formula: set mathdown.math.equationNumbers to "all"',
      setting: { section: 'mathdown.math.equationNumbers', value: 'all' },
    });
  return out;
}
