import { markRule } from '../checks/markRule';
import { targetNames, where } from '../checks/portability';

export const mm101EmphasisInMath = markRule(
  {
    id: 'MM101',
    name: 'emphasis-in-math',
    description: '`_`, `*` or `~` inside math that a Markdown renderer without math support pairs up as emphasis or strikethrough',
  },
  ['emphasis', 'strikethrough'],
  (ctx, { mark, targets }) => {
    const chars = ctx.text.slice(mark.offset, mark.endOffset);
    const what = mark.kind === 'emphasis' ? (chars.length === 2 ? 'strong emphasis' : 'emphasis') : 'strikethrough';
    const partner = mark.partner !== undefined ? ` with the \`${chars}\` at ${where(ctx, mark.partner)}` : '';
    return {
      message: `\`${chars}\` in math pairs up${partner} as ${what} ${targetNames(targets)}: the \`${chars[0]}\` disappears from the formula.`,
      fixable: true,
    };
  },
);
