import { documentEdit, documentRange } from '../checks/texSourceMap';
import { katexRejections } from '../targets/katexCheck';
import { katexEquivalent } from '../targets/katexEquivalents';
import type { LintRule, Problem } from '../types';

export const mm304KatexError: LintRule = {
  id: 'MM304',
  name: 'katex-error',
  description:
    "what KaTeX (at the version VS Code's built-in Markdown preview ships) rejects though MathJax accepts it: `\\require`, `\\label`, `\\DeclareMathOperator`, `\\mbox`, redefinitions, …",
  tags: ['tex', 'engine'],
  defaultSeverity: 'warning',
  targets: ['katex'],
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const r of katexRejections(ctx.formulas, ctx.math)) {
      const f = ctx.formulas[r.formula];
      const map = ctx.texMap(r.formula);
      const eq = map.exact ? katexEquivalent(f.tex, r.message, r.start) : undefined;
      const [offset, endOffset] = documentRange(map, f, r.start !== undefined ? [r.start, r.end!] : undefined);
      out.push({
        offset,
        endOffset,
        message: `KaTeX rejects this formula, so the reader in KaTeX (VS Code's built-in preview, many static sites) sees an error in its place: ${r.message}.${eq ? ` Quick fix: ${eq.says}` : ''}`,
        ...(eq ? { fix: [documentEdit(map, eq.start, eq.end, eq.text)] } : {}),
      });
    }
    return out;
  },
};
