import { blockStart } from '../checks/blockStart';
import { isProseForm, readingsOf, targetNames } from '../checks/portability';
import { DESTINATIONS, LINT_TARGETS } from '../targets/destinations';
import type { LintTarget } from '../../config/settings';
import type { LintContext, LintRule, Problem } from '../types';

export const mm105BlockSyntaxInDisplayMath: LintRule = {
  id: 'MM105',
  name: 'block-syntax-in-display-math',
  description:
    'a line of math that a Markdown renderer without math support reads as the start of a new block (heading, list item, block quote, setext underline, thematic break, fence, HTML, table)',
  tags: ['portability'],
  defaultSeverity: 'warning',
  targets: LINT_TARGETS.filter((t) => DESTINATIONS[t].markdown.$$ ?? DESTINATIONS[t].markdown.env),
  fixable: true,
  check(ctx) {
    const found = new Map<number, { problem: Problem; targets: LintTarget[]; what: string }>();
    ctx.formulas.forEach((f, i) => {
      if (!isProseForm(f) || !f.tex.includes('\n')) return;
      const map = ctx.texMap(i);
      if (!map.exact) return;
      const texLines = f.tex.split('\n');
      for (const [target, flavour] of ctx.targets.flatMap((t) => readingsOf(t, f.delimiter).map((r) => [t, r] as const))) {
        const reading = ctx.plain(flavour);
        let texAt = texLines[0].length + 1;
        let prevBlock = reading.blockAt(f.offset);
        let prevReported = false;
        for (let k = 1; k < texLines.length; k++) {
          const lead = texLines[k].length - texLines[k].trimStart().length;
          const content = map.toDocument(texAt) + lead;
          const rest = texLines[k].trimStart() || ctx.text.slice(content, f.endOffset);
          texAt += texLines[k].length + 1;
          const block = reading.blockAt(content);
          const start = blockStart(rest);
          const split = block !== prevBlock || block === undefined;
          prevBlock = block;
          if (!split || (!start && prevReported)) {
            prevReported = false;
            continue;
          }
          prevReported = true;
          const seen = found.get(content);
          if (seen) {
            if (!seen.targets.includes(target)) seen.targets.push(target);
            continue;
          }
          const fix = joinWithPreviousLine(ctx, content, texLines[k - 1]);
          found.set(content, {
            targets: [target],
            what: start?.what ?? 'a new block starts here',
            problem: { offset: content, endOffset: content + (start?.length ?? 1), message: '', ...(fix ? { fix } : {}) },
          });
        }
      }
    });
    return [...found.values()].map(({ problem, targets, what }) => ({
      ...problem,
      message: `Inside math, ${what} ${targetNames(targets)}: the reader there sees the formula cut in two. Join the line to the one before (or indent it) so that it does not begin a block.`,
    }));
  },
};

/** Replaces the line break (and container prefix) before `content` by one space; not after a `%` comment. */
function joinWithPreviousLine(ctx: LintContext, content: number, previousTexLine: string) {
  if (/(^|[^\\])(\\\\)*%/.test(previousTexLine)) return undefined;
  const lineStart = ctx.lines.starts[ctx.lines.lineOf(content)];
  let from = lineStart - 1;
  if (from > 0 && ctx.text[from - 1] === '\r') from--;
  while (from > 0 && (ctx.text[from - 1] === ' ' || ctx.text[from - 1] === '\t')) from--;
  return [{ offset: from, length: content - from, text: ' ' }];
}
