import { strayBlockOpeners } from '../checks/strayBlockOpeners';
import type { LintRule, Problem } from '../types';

export const mm106BlankLineInDisplayMath: LintRule = {
  id: 'MM106',
  name: 'blank-line-in-display-math',
  description:
    'display math (`$$`, `\\[`, `\\begin{…}`) whose closer comes only after a blank line, so it never closes; math fences with blank lines when pandoc is a target',
  tags: ['portability', 'delimiters'],
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const o of strayBlockOpeners(ctx)) {
      if (o.closerAt === undefined) continue;
      const at = ctx.lines.position(o.closerAt);
      const blank = ctx.lines.position(o.blankLines[0]);
      out.push({
        offset: o.offset,
        endOffset: o.offset + o.opener.length,
        message: `\`${o.opener}\` is closed by the \`${o.closer}\` at ${at.line}:${at.column} only after the blank line ${blank.line}: a blank line ends the paragraph, so this math never closes (in Mathdown, pandoc, GitHub and TeX alike). Remove the blank line${o.blankLines.length > 1 ? 's' : ''}.`,
        fix: o.blankLines.map((start) => ({ offset: start, length: ctx.lines.starts[ctx.lines.lineOf(start) + 1] - start, text: '' })),
      });
    }
    if (ctx.allTargets.includes('pandoc')) {
      ctx.formulas.forEach((f, i) => {
        if (f.delimiter !== 'math-fence' || !/\n[ \t]*\n/.test(f.tex)) return;
        const map = ctx.texMap(i);
        const blank = f.tex.search(/\n[ \t]*\n/) + 1;
        out.push({
          offset: f.offset,
          endOffset: ctx.text.indexOf('\n', f.offset) < 0 ? f.endOffset : ctx.text.indexOf('\n', f.offset),
          message: `This \`\`\`math block has a blank line (line ${ctx.lines.position(map.toDocument(blank)).line}): fine in Mathdown and GitHub, but pandoc reads the block as code, and as \`$$\` math a blank line would end it.`,
        });
      });
    }
    return out;
  },
};
