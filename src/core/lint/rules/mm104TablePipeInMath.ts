import type { Delimiter } from '../../types';
import { marksInFormulas } from '../checks/portability';
import type { LintRule, Problem } from '../types';

const FORMS: ReadonlySet<Delimiter> = new Set<Delimiter>(['$', '$$', 'env', '\\\\(', '\\\\[', '$`']);

export const mm104TablePipeInMath: LintRule = {
  id: 'MM104',
  name: 'table-pipe-in-math',
  description: '`|` or `\\|` inside math in a table row: GFM splits the cell at `|` and drops the backslash of `\\|`',
  tags: ['portability', 'tables'],
  defaultSeverity: 'warning',
  targets: ['gfm'],
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const { mark, encloses } of marksInFormulas(ctx, ['table-pipe', 'dropped-cell'], FORMS)) {
      if (mark.kind === 'dropped-cell') {
        if (encloses)
          out.push({
            offset: mark.offset,
            endOffset: mark.endOffset,
            message:
              "This formula ends up in a table cell beyond the header's column count on GitHub, which drops the cell: a `|` earlier in the row (inside math?) split it.",
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
          ? '`\\|` in math in a table row loses its backslash on GitHub (GFM unescapes `\\|` in cells), so the norm bar becomes `|`; write `\\Vert`.'
          : '`|` in math in a table row ends the table cell on GitHub and every GFM renderer; write `\\vert` (or `\\mid`).',
        fix: [{ offset: mark.offset, length: mark.endOffset - mark.offset, text: replacement }],
      });
    }
    return out;
  },
};
