import { labelIndexOf } from '../../labels/labelIndex';
import type { LintRule, Problem } from '../types';

export const mm302UnknownLabel: LintRule = {
  id: 'MM302',
  name: 'unknown-label',
  description: '`\\eqref{x}` / `\\ref{x}` with no `\\label{x}` in the document, and labels defined twice',
  tags: ['tex', 'labels'],
  defaultSeverity: 'warning',
  fixable: false,
  documentWide: true,
  check(ctx) {
    const index = labelIndexOf(ctx, ctx.math.equationNumbers);
    const out: Problem[] = [];
    for (const key of index.duplicates) {
      const defs = index.definitionsOf(key);
      defs.forEach((d, i) => {
        const others = defs
          .filter((_, j) => j !== i)
          .map((o) => {
            const p = ctx.lines.position(o.offset);
            return `${p.line}:${p.column}`;
          })
          .join(', ');
        out.push({
          offset: d.offset,
          endOffset: d.endOffset,
          message:
            i === 0
              ? `\\label{${key}} is defined again at ${others}: MathJax reports "Label '${key}' multiply defined" there and references go to this one.`
              : `\\label{${key}} is defined twice (first at ${others.split(', ')[0]}): MathJax reports "Label '${key}' multiply defined" and references go to the first.`,
        });
      });
    }
    for (const r of index.references) {
      if (!index.definitionsOf(r.key).length)
        out.push({
          offset: r.offset,
          endOffset: r.endOffset,
          message: `\\${r.kind}{${r.key}} refers to a label that no formula defines: it renders as (???). Add \\label{${r.key}} to the equation, or fix the name.`,
        });
    }
    return out.sort((a, b) => a.offset - b.offset);
  },
};
