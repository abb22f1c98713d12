import type { LintRule, Problem, TextEdit } from '../types';
import { targetNames } from '../checks/portability';
import { DESTINATIONS, LINT_TARGETS } from '../targets/destinations';
import type { Formula } from '../../types';
import type { LintContext } from '../types';

export const mm107BackslashDelimiters: LintRule = {
  id: 'MM107',
  name: 'backslash-delimiters',
  description: '`\\(…\\)` and `\\[…\\]`: Markdown reads `\\(` as an escaped `(`, so other renderers show `(…)` and `[…]`',
  tags: ['portability', 'delimiters'],
  defaultSeverity: 'warning',
  targets: LINT_TARGETS.filter((t) => DESTINATIONS[t].eatsBackslashDelimiters),
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const f of ctx.formulas) {
      if (f.delimiter !== '\\(' && f.delimiter !== '\\[') continue;
      const open = f.delimiter;
      const close = open === '\\(' ? '\\)' : '\\]';
      const at = ctx.lines.position(f.endOffset - 2);
      const fix = dollarFix(ctx, f);
      out.push({
        offset: f.offset,
        endOffset: f.offset + 2,
        message: `\`${open}\` … \`${close}\` (closing at ${at.line}:${at.column}): Markdown reads \`${open}\` as an escaped \`${open[1]}\`, so the reader ${targetNames(ctx.targets)} sees \`${open[1]}…${close[1]}\` as text. Use \`${open === '\\(' ? '$…$' : '$$…$$'}\`.`,
        ...(fix ? { fix } : {}),
      });
    }
    return out;
  },
};

/** `\(x\)` → `$x$`, `\[x\]` → `$$x$$`, when the dollar form reads the same TeX. */
function dollarFix(ctx: LintContext, f: Formula): TextEdit[] | undefined {
  if (!ctx.math.delimiters.includes('dollars') || f.tex.includes('$') || f.tex.trim() === '') return undefined;
  const inner = ctx.text.slice(f.offset + 2, f.endOffset - 2);
  if (f.delimiter === '\\[') {
    return [
      { offset: f.offset, length: 2, text: '$$' },
      { offset: f.endOffset - 2, length: 2, text: '$$' },
    ];
  }
  const lead = inner.length - inner.trimStart().length;
  const trail = inner.length - inner.trimEnd().length;
  if (/\n/.test(inner.slice(0, lead) + inner.slice(inner.length - trail)) || /[0-9]/.test(ctx.text[f.endOffset] ?? '')) return undefined;
  return [
    { offset: f.offset, length: 2 + lead, text: '$' },
    { offset: f.endOffset - 2 - trail, length: 2 + trail, text: '$' },
  ];
}
