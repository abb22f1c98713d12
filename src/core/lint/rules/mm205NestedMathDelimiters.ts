import { nestedDelimiters } from '../checks/nestedDelimiters';
import type { LintRule, Problem, TextEdit } from '../types';

export const mm205NestedMathDelimiters: LintRule = {
  id: 'MM205',
  name: 'nested-math-delimiters',
  description: '`$$ \\[ … \\] $$`: math delimited twice, as chat assistants write it; MathJax reads the inner `\\[` as an unknown command',
  tags: ['delimiters'],
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const f of ctx.formulas) {
      const nested = nestedDelimiters(ctx.text, f);
      if (!nested) continue;
      const closer = nested.opener === '\\[' ? '\\]' : '\\)';
      out.push({
        offset: nested.open,
        endOffset: nested.open + 2,
        message: `\`${nested.opener}\` … \`${closer}\` inside \`${f.delimiter}\` … \`${f.delimiter}\`: the math is delimited twice, so the formula shows an error (an undefined \`${nested.opener}\`) instead of the math. Remove the inner \`${nested.opener}\` and \`${closer}\`.`,
        fix: [removal(ctx.text, nested.open), removal(ctx.text, nested.close)],
      });
    }
    return out;
  },
};

/**
 * Removes the two characters at `at`; with the rest of their line when they stand alone on it,
 * since an emptied line inside `$$` would be a blank line, which ends the paragraph.
 */
function removal(text: string, at: number): TextEdit {
  let from = at;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  let to = at + 2;
  while (to < text.length && (text[to] === ' ' || text[to] === '\t' || text[to] === '\r')) to++;
  const ownLine = (from === 0 || text[from - 1] === '\n') && text[to] === '\n';
  return ownLine ? { offset: from, length: to + 1 - from, text: '' } : { offset: at, length: 2, text: '' };
}
