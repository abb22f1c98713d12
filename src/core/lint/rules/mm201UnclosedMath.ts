import { strayBlockOpeners } from '../checks/strayBlockOpeners';
import { strayInlineDelimiters } from '../checks/strayInlineDelimiters';
import type { LintRule, Problem } from '../types';

export const mm201UnclosedMath: LintRule = {
  id: 'MM201',
  name: 'unclosed-math',
  description: '`$`, `$$`, `\\(`, `\\[` or `\\begin{…}` that opens math but is never closed, so it shows as literal text',
  tags: ['delimiters'],
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const out: Problem[] = [];
    for (const o of strayBlockOpeners(ctx)) {
      if (o.closerAt !== undefined) continue;
      out.push({
        offset: o.offset,
        endOffset: o.offset + o.opener.length,
        message: `\`${o.opener}\` opens display math but no \`${o.closer}\` closes it before the next blank line: it shows as literal text.`,
      });
    }
    for (const s of strayInlineDelimiters(ctx)) {
      if (s.kind !== 'unclosed') continue;
      const closer = s.opener === '$' ? '$' : s.opener === '\\(' ? '\\)' : '\\]';
      out.push({
        offset: s.offset,
        endOffset: s.offset + s.opener.length,
        message: `\`${s.opener}\` opens math but no \`${closer}\` closes it in this paragraph: it shows as literal text.`,
      });
    }
    return out;
  },
};
