import type { LintTarget } from '../../config/settings';
import { continuationPrefix, restOfLineIsBlank } from '../checks/continuationPrefix';
import type { Formula } from '../../types';
import type { LintContext, LintRule, Problem, TextEdit } from '../types';
import { targetNames } from '../targets/destinations';

const KRAMDOWN_LIKE: ReadonlySet<LintTarget> = new Set<LintTarget>(['kramdown', 'markdown-then-mathjax', 'gfm', 'commonmark']);

export const mm204DisplayMathInParagraph: LintRule = {
  id: 'MM204',
  name: 'display-math-in-paragraph',
  description:
    '`$$…$$` in running text, under a kramdown target: pandoc, GitHub and MathJax show it as display math, kramdown as inline math',
  tags: ['delimiters'],
  defaultSeverity: 'info',
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    const inline = ctx.math.doubleDollarInText === 'inline';
    // The two readings differ between kramdown and everything else: say so only when both are in
    // play. A Markdown renderer followed by MathJax on the page may well be kramdown (Jekyll's).
    if (inline ? ctx.targets.every((t) => t === 'kramdown') : !ctx.targets.some((t) => KRAMDOWN_LIKE.has(t))) return out;
    for (const f of ctx.formulas) {
      if (f.delimiter !== '$$' || !inRunningText(ctx, f)) continue;
      const fix = inline ? toInline(ctx, f) : toOwnLines(ctx, f);
      out.push({
        offset: f.offset,
        endOffset: f.offset + 2,
        message: inline
          ? `\`$$…$$\` in running text is inline math here (setting \`math.doubleDollarInText\`: "inline"), but the reader ${targetNames(ctx.targets.filter((t) => t !== 'kramdown'))} sees display math. Write \`$…$\` for inline math.`
          : '`$$…$$` in running text is display math in Mathdown (setting `math.doubleDollarInText`: "display"), but the reader in kramdown (Jekyll) sees inline math. Put it on lines of its own, write `$…$` for inline math, or set `math.doubleDollarInText` to "inline" if the document is written for kramdown.',
        ...(fix ? { fix } : {}),
      });
    }
    return out;
  },
};

function inRunningText(ctx: LintContext, f: Formula): boolean {
  return continuationPrefix(ctx.lines, f.offset) === undefined || !restOfLineIsBlank(ctx.text, f.endOffset);
}

function toInline(ctx: LintContext, f: Formula): TextEdit[] | undefined {
  const inner = ctx.text.slice(f.offset + 2, f.endOffset - 2);
  const lead = inner.length - inner.trimStart().length;
  const trail = inner.length - inner.trimEnd().length;
  if (
    !inner.trim() ||
    inner.includes('$') ||
    /\n/.test(inner.slice(0, lead) + inner.slice(inner.length - trail)) ||
    /[0-9]/.test(ctx.text[f.endOffset] ?? '')
  )
    return undefined;
  return [
    { offset: f.offset, length: 2 + lead, text: '$' },
    { offset: f.endOffset - 2 - trail, length: 2 + trail, text: '$' },
  ];
}

function toOwnLines(ctx: LintContext, f: Formula): TextEdit[] | undefined {
  const line = ctx.lines.lineOf(f.offset);
  const lineText = ctx.lines.lineText(line);
  // Line breaks inside a table row would end the table there: no fix in a row.
  if (/^[ \t>]*\|/.test(lineText)) return undefined;
  const prefix = continuationPrefix(
    ctx.lines,
    ctx.lines.starts[line] + (lineText.length - lineText.replace(/^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/, '').length),
  );
  if (prefix === undefined) return undefined;
  const edits: TextEdit[] = [];
  if (continuationPrefix(ctx.lines, f.offset) === undefined) {
    let from = f.offset;
    while (from > 0 && (ctx.text[from - 1] === ' ' || ctx.text[from - 1] === '\t')) from--;
    edits.push({ offset: from, length: f.offset - from, text: '\n' + prefix });
  }
  if (!restOfLineIsBlank(ctx.text, f.endOffset)) {
    let to = f.endOffset;
    while (ctx.text[to] === ' ' || ctx.text[to] === '\t') to++;
    edits.push({ offset: f.endOffset, length: to - f.endOffset, text: '\n' + prefix });
  }
  return edits;
}
