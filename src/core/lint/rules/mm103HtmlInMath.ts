import { decodeHTMLStrict } from 'entities';
import { marksInFormulas, targetNames, verbatimFormFix, where } from '../checks/portability';
import type { LintRule, Problem } from '../types';

export const mm103HtmlInMath: LintRule = {
  id: 'MM103',
  name: 'html-in-math',
  description: '`<` inside math that opens an HTML tag, comment or autolink, or `&…;` that HTML decodes as an entity',
  tags: ['portability'],
  defaultSeverity: 'warning',
  targets: ['gfm', 'commonmark'],
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const { formula, mark, targets, encloses } of marksInFormulas(ctx, ['html', 'autolink', 'entity'])) {
      if (encloses) {
        out.push({ offset: mark.offset, endOffset: mark.endOffset, message: `This formula lies inside the HTML ${mark.kind === 'autolink' ? 'autolink' : 'markup'} that starts at ${where(ctx, mark.partner!)} in ${targetNames(targets)}, so it never reaches MathJax.` });
        continue;
      }
      const chars = ctx.text.slice(mark.offset, mark.endOffset);
      const shown = chars.length > 40 ? `${chars.slice(0, 37)}…` : chars;
      const on = targetNames(targets);
      const message =
        mark.kind === 'entity' ? `\`${chars}\` in math is an HTML entity in ${on}: the browser shows \`${decodeHTMLStrict(chars)}\`, so MathJax never sees \`${chars}\`.`
        : mark.kind === 'autolink' ? `\`${shown}\` in math becomes a link in ${on}, which splits the formula.`
        : shown.startsWith('<!--') ? `\`<!--\` in math opens an HTML comment in ${on}: the text up to \`-->\` disappears.`
        : `\`${shown}\` in math is passed through as an HTML tag in ${on}: it disappears from the formula.`;
      const fix = verbatimFormFix(ctx, formula);
      out.push({ offset: mark.offset, endOffset: mark.endOffset, message, ...(fix ? { fix } : {}) });
    }
    return out;
  },
};
