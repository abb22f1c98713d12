import { strayInlineDelimiters } from '../checks/strayInlineDelimiters';
import type { LintRule, Problem } from '../types';

export const mm202SpaceInsideDollars: LintRule = {
  id: 'MM202',
  name: 'space-inside-dollars',
  description:
    '`$ x $`: a space after the opening or before the closing `$` makes it text under pandoc and GitHub rules, though it was almost certainly meant as math',
  tags: ['delimiters'],
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const s of strayInlineDelimiters(ctx)) {
      if (s.kind !== 'spaced') continue;
      const inner = ctx.text.slice(s.open + 1, s.close);
      const lead = inner.length - inner.trimStart().length;
      const trail = inner.length - inner.trimEnd().length;
      const side =
        lead && trail ? 'after the opening and before the closing `$`' : lead ? 'after the opening `$`' : 'before the closing `$`';
      const shown = inner.length > 30 ? `$${inner.slice(0, 27)}…$` : `$${inner}$`;
      const digitAfter = /[0-9]/.test(ctx.text[s.close + 1] ?? '');
      out.push({
        offset: s.open,
        endOffset: s.close + 1,
        message: `\`${shown}\` is not math: a space ${side} keeps the dollars literal (pandoc, GitHub, Mathdown). Remove the space.`,
        ...(digitAfter || /\n/.test(inner.slice(0, lead) + inner.slice(inner.length - trail))
          ? {}
          : {
              fix: [
                ...(lead ? [{ offset: s.open + 1, length: lead, text: '' }] : []),
                ...(trail ? [{ offset: s.close - trail, length: trail, text: '' }] : []),
              ],
            }),
      });
    }
    return out;
  },
};
