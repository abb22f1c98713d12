import { decodeHTMLStrict } from 'entities';
import { markRule } from '../checks/markRule';
import { targetNames, where } from '../checks/portability';

export const mm103HtmlInMath = markRule(
  {
    id: 'MM103',
    name: 'html-in-math',
    description: '`<` inside math that opens an HTML tag, comment or autolink, or `&…;` that HTML decodes as an entity',
  },
  ['html', 'autolink', 'entity'],
  (ctx, { mark, targets, encloses }) => {
    if (encloses) {
      return {
        message: `This formula lies inside the HTML ${mark.kind === 'autolink' ? 'autolink' : 'markup'} that starts at ${where(ctx, mark.partner!)} ${targetNames(targets)}, so it never reaches MathJax.`,
        fixable: false,
      };
    }
    const chars = ctx.text.slice(mark.offset, mark.endOffset);
    const shown = chars.length > 40 ? `${chars.slice(0, 37)}…` : chars;
    const on = targetNames(targets);
    const message =
      mark.kind === 'entity'
        ? `\`${chars}\` in math is an HTML entity ${on}: the browser shows \`${decodeHTMLStrict(chars)}\`, so MathJax never sees \`${chars}\`.`
        : mark.kind === 'autolink'
          ? `\`${shown}\` in math becomes a link ${on}, which splits the formula.`
          : shown.startsWith('<!--')
            ? `\`<!--\` in math opens an HTML comment ${on}: the text up to \`-->\` disappears.`
            : `\`${shown}\` in math is passed through as an HTML tag ${on}: it disappears from the formula.`;
    return { message, fixable: true };
  },
);
