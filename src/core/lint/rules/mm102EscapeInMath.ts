import { marksInFormulas, targetNames, verbatimFormFix } from '../checks/portability';
import type { LintRule, Problem } from '../types';

export const mm102EscapeInMath: LintRule = {
  id: 'MM102',
  name: 'escape-in-math',
  description: 'a backslash before ASCII punctuation (or a line ending) inside math, which Markdown treats as an escape and drops',
  tags: ['portability'],
  defaultSeverity: 'warning',
  targets: ['gfm', 'commonmark'],
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const { formula, mark, targets } of marksInFormulas(ctx, ['escape', 'hardbreak'])) {
      const after = ctx.text[mark.endOffset];
      const message = mark.kind === 'hardbreak'
        ? `\`\\\` at the end of a line in math becomes a line break in ${targetNames(targets)}: the backslash disappears from the formula.`
        : `\`\\${after}\` in math is a Markdown escape in ${targetNames(targets)}: the backslash is dropped and MathJax receives \`${after}\`.`;
      const fix = verbatimFormFix(ctx, formula);
      out.push({ offset: mark.offset, endOffset: mark.kind === 'hardbreak' ? mark.endOffset : mark.endOffset + 1, message, ...(fix ? { fix } : {}) });
    }
    return out;
  },
};
