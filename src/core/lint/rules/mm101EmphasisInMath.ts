import { marksInFormulas, targetNames, verbatimFormFix, where } from '../checks/portability';
import type { LintRule, Problem } from '../types';

export const mm101EmphasisInMath: LintRule = {
  id: 'MM101',
  name: 'emphasis-in-math',
  description: '`_`, `*` or `~` inside math that a Markdown renderer without math support pairs up as emphasis or strikethrough',
  tags: ['portability'],
  defaultSeverity: 'warning',
  targets: ['gfm', 'commonmark'],
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const { formula, mark, targets } of marksInFormulas(ctx, ['emphasis', 'strikethrough'])) {
      const chars = ctx.text.slice(mark.offset, mark.endOffset);
      const what = mark.kind === 'emphasis' ? (chars.length === 2 ? 'strong emphasis' : 'emphasis') : 'strikethrough';
      const partner = mark.partner !== undefined ? ` with the \`${chars}\` at ${where(ctx, mark.partner)}` : '';
      const fix = verbatimFormFix(ctx, formula);
      out.push({
        offset: mark.offset,
        endOffset: mark.endOffset,
        message: `\`${chars}\` in math pairs up${partner} as ${what} in ${targetNames(targets)}: the \`${chars[0]}\` disappears from the formula.`,
        ...(fix ? { fix } : {}),
      });
    }
    return out;
  },
};
