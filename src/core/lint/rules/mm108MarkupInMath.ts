import { marksInFormulas, targetNames, verbatimFormFix, where } from '../checks/portability';
import type { LintRule, Problem } from '../types';

export const mm108MarkupInMath: LintRule = {
  id: 'MM108',
  name: 'code-or-link-in-math',
  description: 'backticks inside math that open a code span, or `[…](…)` / `[…][…]` that forms a link',
  tags: ['portability'],
  defaultSeverity: 'warning',
  targets: ['gfm', 'commonmark'],
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const { formula, mark, targets, encloses } of marksInFormulas(ctx, ['code', 'link'])) {
      if (encloses) {
        out.push({
          offset: mark.offset,
          endOffset: mark.endOffset,
          message: mark.kind === 'code-block'
            ? `This formula lies inside a code block opened by ${codeBlockOpener(ctx.text, mark.partner!)} at ${where(ctx, mark.partner!)} in ${targetNames(targets)}, so it shows as code, not math.`
            : `This formula lies inside a code span that starts at ${where(ctx, mark.partner!)} in ${targetNames(targets)}, so it shows as code, not math. Check the backticks before it.`,
        });
        continue;
      }
      const chars = ctx.text.slice(mark.offset, mark.endOffset);
      const shown = chars.length > 40 ? `${chars.slice(0, 37)}…` : chars;
      const partner = mark.partner !== undefined ? ` (with the \`${ctx.text.slice(mark.partner, mark.partner + 1)}\` at ${where(ctx, mark.partner)})` : '';
      const message = mark.kind === 'code'
        ? `\`${shown}\` in math opens or closes a code span${partner} in ${targetNames(targets)}, which splits the formula.`
        : `\`${shown}\` in math forms a link${partner} in ${targetNames(targets)}: the brackets disappear from the formula.`;
      const fix = verbatimFormFix(ctx, formula);
      out.push({ offset: mark.offset, endOffset: mark.endOffset, message, ...(fix ? { fix } : {}) });
    }
    return out;
  },
};

/** What opens the code block starting at `start`: its fence, or the indentation of its line. */
function codeBlockOpener(text: string, start: number): string {
  const fence = /^(`{3,}|~{3,})/.exec(text.slice(start))?.[1];
  return fence ? `the fence ${fence}` : 'an indentation of four spaces';
}
