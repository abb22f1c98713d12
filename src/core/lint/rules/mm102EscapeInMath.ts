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
        message: `\`\\\` at the end of a line in math becomes a line break in ${targetNames(targets)}: the backslash disappears from the formula.`,
        fixable: true,
      };
    }
    const after = ctx.text[mark.endOffset];
    return {
      message: `\`\\${after}\` in math is a Markdown escape in ${targetNames(targets)}: the backslash is dropped and MathJax receives \`${after}\`.`,
      endOffset: mark.endOffset + 1,
      fixable: true,
    };
  },
);
