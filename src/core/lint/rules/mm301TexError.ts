import { nestedDelimiters } from '../checks/nestedDelimiters';
import { texErrorRange } from '../checks/texErrorRange';
import { documentRange } from '../checks/texSourceMap';
import type { LintRule, Problem } from '../types';

export const mm301TexError: LintRule = {
  id: 'MM301',
  name: 'tex-error',
  description:
    "what MathJax's TeX parser rejects: undefined control sequence, missing or extra brace, `\\begin` without `\\end`, `&` outside an alignment, double superscript, …",
  tags: ['tex'],
  defaultSeverity: 'error',
  fixable: false,
  check(ctx) {
    const out: Problem[] = [];
    ctx.formulas.forEach((f, i) => {
      if (!f.error || f.error.id === 'MultipleLabel') return; // MM302 reports duplicate labels
      if (nestedDelimiters(ctx.text, f)) return; // MM205 reports the doubled delimiters that cause it
      const range = texErrorRange(f.tex, f.error);
      const map = ctx.texMap(i);
      const [offset, endOffset] = documentRange(map, f, range);
      out.push({ offset, endOffset, message: f.error.message });
    });
    return out;
  },
};
