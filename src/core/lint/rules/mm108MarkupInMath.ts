import { markRule } from '../checks/markRule';
import { targetNames, where } from '../checks/portability';

export const mm108MarkupInMath = markRule(
  {
    id: 'MM108',
    name: 'code-or-link-in-math',
    description: 'backticks inside math that open a code span, or `[…](…)` / `[…][…]` that forms a link',
  },
  ['code', 'link'],
  (ctx, { mark, targets, encloses }) => {
    if (encloses) {
      return {
        message:
          mark.kind === 'code-block'
            ? `This formula lies inside a code block opened by ${codeBlockOpener(ctx.text, mark.partner!)} at ${where(ctx, mark.partner!)} ${targetNames(targets)}, so it shows as code, not math.`
            : `This formula lies inside a code span that starts at ${where(ctx, mark.partner!)} ${targetNames(targets)}, so it shows as code, not math. Check the backticks before it.`,
        fixable: false,
      };
    }
    const chars = ctx.text.slice(mark.offset, mark.endOffset);
    const shown = chars.length > 40 ? `${chars.slice(0, 37)}…` : chars;
    const partner =
      mark.partner !== undefined ? ` (with the \`${ctx.text.slice(mark.partner, mark.partner + 1)}\` at ${where(ctx, mark.partner)})` : '';
    const message =
      mark.kind === 'code'
        ? `\`${shown}\` in math opens or closes a code span${partner} ${targetNames(targets)}, which splits the formula.`
        : `\`${shown}\` in math forms a link${partner} ${targetNames(targets)}: the brackets disappear from the formula.`;
    return { message, fixable: true };
  },
);

/** What opens the code block starting at `start`: its fence, or the indentation of its line. */
function codeBlockOpener(text: string, start: number): string {
  const fence = /^(`{3,}|~{3,})/.exec(text.slice(start))?.[1];
  return fence ? `the fence ${fence}` : 'an indentation of four spaces';
}
