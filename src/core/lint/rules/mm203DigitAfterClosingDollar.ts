import { strayInlineDelimiters } from '../checks/strayInlineDelimiters';
import type { LintRule, Problem } from '../types';

export const mm203DigitAfterClosingDollar: LintRule = {
  id: 'MM203',
  name: 'digit-after-closing-dollar',
  description: '`$x$2`: a digit right after the closing `$` stops it from closing, so the formula stays text',
  tags: ['delimiters'],
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const out: Problem[] = [];
    for (const s of strayInlineDelimiters(ctx)) {
      if (s.kind !== 'digit-after') continue;
      const digit = ctx.text[s.close + 1];
      out.push({
        offset: s.close,
        endOffset: s.close + 2,
        message: `\`$${digit}\`: the digit right after the closing \`$\` keeps it from closing (the rule that protects prices like $5), so \`${ctx.text.slice(s.open, s.close + 1)}\` stays text. Put a space or word between the \`$\` and the \`${digit}\`, or move the digit into the formula.`,
      });
    }
    return out;
  },
};
