import type { Delimiter } from '../../types';
import { marksInFormulas, targetNames } from '../checks/portability';
import { DESTINATIONS, LINT_TARGETS } from '../targets/destinations';
import type { LintRule, Problem } from '../types';

const FORMS: ReadonlySet<Delimiter> = new Set<Delimiter>(['$', '$$', 'env', '\\\\(', '\\\\[', '$`']);

export const mm104TablePipeInMath: LintRule = {
  id: 'MM104',
  name: 'table-pipe-in-math',
  description: '`|` or `\\|` inside math in a table row: GFM splits the cell at `|` and drops the backslash of `\\|`',
  tags: ['portability', 'tables'],
  defaultSeverity: 'warning',
  targets: LINT_TARGETS.filter((t) => DESTINATIONS[t].tables),
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const { mark, encloses, targets } of marksInFormulas(ctx, ['table-pipe', 'dropped-cell'], FORMS, (d) =>
      d.tables ? [d.tables] : [],
    )) {
      const on = targetNames(targets);
      if (mark.kind === 'dropped-cell') {
        if (encloses)
          out.push({
            offset: mark.offset,
            endOffset: mark.endOffset,
            message: `This formula ends up in a table cell beyond the header's column count ${on}, which drops the cell: a \`|\` earlier in the row (inside math?) split it, so the reader there never sees the formula.`,
          });
        continue;
      }
      const escaped = mark.endOffset - mark.offset === 2;
      const next = ctx.text[mark.endOffset] ?? '';
      const macro = escaped ? '\\Vert' : '\\vert';
      const replacement = macro + (/[A-Za-z]/.test(next) ? ' ' : '');
      out.push({
        offset: mark.offset,
        endOffset: mark.endOffset,
        message: escaped
          ? `\`\\|\` in math in a table row loses its backslash ${on} (GFM tables unescape \`\\|\` in cells), so the reader sees the norm bar as \`|\`; write \`\\Vert\`.`
          : `\`|\` in math in a table row ends the table cell ${on}: the reader sees the formula cut in two cells; write \`\\vert\` (or \`\\mid\`).`,
        fix: [{ offset: mark.offset, length: mark.endOffset - mark.offset, text: replacement }],
      });
    }
    return out;
  },
};
