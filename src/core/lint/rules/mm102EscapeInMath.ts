import { markRule } from '../checks/markRule';
import { targetNames } from '../checks/portability';

export const mm102EscapeInMath = markRule(
  {
    id: 'MM102',
    name: 'escape-in-math',
    description: 'a backslash before ASCII punctuation (or a line ending) inside math, which Markdown treats as an escape and drops',
  },
  ['escape', 'hardbreak'],
  (ctx, { mark, targets }) => {
    if (mark.kind === 'hardbreak') {
      return {
        message: `\`\\\` at the end of a line in math becomes a line break ${targetNames(targets)}: the backslash disappears from the formula.`,
        fixable: true,
      };
    }
    const after = ctx.text[mark.endOffset];
    return {
      message: `\`\\${after}\` in math is a Markdown escape ${targetNames(targets)}: the backslash is dropped, so the reader there sees the formula typeset from \`${after}\` instead of \`\\${after}\`.`,
      endOffset: mark.endOffset + 1,
      fixable: true,
    };
  },
);
