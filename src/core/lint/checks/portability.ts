import type { LintTarget } from '../../config/settings';
import type { Delimiter, Formula } from '../../types';
import { continuationPrefix, restOfLineIsBlank } from './continuationPrefix';
import type { MarkKind, PlainMark } from '../plain/plainMark';
import { DESTINATIONS, LINT_TARGETS, type Destination, type PlainFlavour } from '../targets/destinations';
import type { LintContext, TextEdit } from '../types';

export { targetNames } from '../targets/destinations';

/** Forms whose text Markdown processes like prose (math fences are code; `\(`/`\[` are MM107's). */
const PROSE_FORMS: ReadonlySet<Delimiter> = new Set<Delimiter>(['$', '$$', 'env', '\\\\(', '\\\\[', '$`']);

/** Which readings of a form's text stand for a destination; by default, the Markdown it passes through. */
export type ReadingsOf = (d: Destination, form: Delimiter) => readonly PlainFlavour[];
const markdownOf: ReadingsOf = (d, form) => d.markdown[form] ?? [];

/** The targets under which some form of math passes through Markdown processing. */
export const MARKDOWN_TARGETS: readonly LintTarget[] = LINT_TARGETS.filter((t) => Object.keys(DESTINATIONS[t].markdown).length > 0);

export interface FormulaMark {
  formula: number;
  /** The mark, clipped to the formula; for markup around the whole formula, its opening delimiter. */
  mark: PlainMark;
  /** True when the markup encloses the whole formula (a code span or comment around it). */
  encloses: boolean;
  /** The targets under which this mark occurs. */
  targets: LintTarget[];
}

/**
 * The marks of the given kinds that fall inside formulas, merged over the targets in `ctx`.
 * `forms` limits which delimiter forms are examined.
 */
export function marksInFormulas(
  ctx: LintContext,
  kinds: readonly MarkKind[],
  forms: ReadonlySet<Delimiter> = PROSE_FORMS,
  readingsOf: ReadingsOf = markdownOf,
): FormulaMark[] {
  const found = new Map<string, FormulaMark>();
  for (const target of ctx.targets) {
    ctx.formulas.forEach((f, i) => {
      if (!forms.has(f.delimiter)) return;
      for (const flavour of readingsOf(DESTINATIONS[target], f.delimiter)) marksOf(ctx, f, i, flavour, kinds, target, found);
    });
  }
  return [...found.values()].sort((a, b) => a.mark.offset - b.mark.offset);
}

/** The marks of one reading inside one formula, merged into `found` (one entry per mark, with every target it occurs under). */
function marksOf(
  ctx: LintContext,
  f: Formula,
  i: number,
  flavour: PlainFlavour,
  kinds: readonly MarkKind[],
  target: LintTarget,
  found: Map<string, FormulaMark>,
): void {
  const reading = ctx.plain(flavour);
  const add = (mark: PlainMark, encloses: boolean) => {
    const key = `${i}:${mark.kind}:${mark.offset}`;
    const seen = found.get(key);
    if (!seen) found.set(key, { formula: i, mark, encloses, targets: [target] });
    else if (!seen.targets.includes(target)) seen.targets.push(target);
  };
  for (const mark of reading.marksIn(f.offset, f.endOffset)) {
    if (!kinds.includes(mark.kind) || isOwnDelimiter(f, mark)) continue;
    if (mark.offset <= f.offset && mark.endOffset >= f.endOffset)
      add({ ...mark, offset: f.offset, endOffset: f.offset + opener(f), partner: mark.offset }, true);
    else add({ ...mark, offset: Math.max(mark.offset, f.offset), endOffset: Math.min(mark.endOffset, f.endOffset) }, false);
  }
  if (kinds.includes('code')) {
    const span = reading.codeSpanAround(f.offset, f.endOffset);
    const block = reading.blockAt(f.offset);
    if (span) add({ kind: 'code', offset: f.offset, endOffset: f.offset + opener(f), partner: span.offset }, true);
    else if (block?.kind === 'code')
      add({ kind: 'code-block', offset: f.offset, endOffset: f.offset + opener(f), partner: block.start }, true);
  }
}

/**
 * Markup that the form relies on: `\\(` and `\\[` are written so that Markdown's escape leaves
 * `\(`, and `` $`…`$ `` is a code span between dollars.
 */
function isOwnDelimiter(f: Formula, mark: PlainMark): boolean {
  if (f.delimiter === '$`')
    return (
      mark.kind === 'code' &&
      ((mark.offset === f.offset + 1 && mark.partner === f.endOffset - 2) ||
        (mark.offset === f.endOffset - 2 && mark.partner === f.offset + 1))
    );
  if (f.delimiter !== '\\\\(' && f.delimiter !== '\\\\[') return false;
  return mark.kind === 'escape' && (mark.offset === f.offset || mark.offset === f.endOffset - 3);
}

function opener(f: Formula): number {
  return f.delimiter === 'env' ? Math.max(1, f.tex.indexOf('}') + 1) : f.delimiter.length;
}

/** Where a renderer without math support would end the block holding the formula's start, if inside it. */
export function splitInside(ctx: LintContext, f: Formula, flavour: 'gfm' | 'commonmark'): number | undefined {
  const block = ctx.plain(flavour).blockAt(f.offset);
  if (!block) return undefined;
  return block.end < f.endOffset && block.kind !== 'code' ? block.end : undefined;
}

/** The readings a destination puts a form's text through (none: it keeps its TeX there). */
export function readingsOf(target: LintTarget, form: Delimiter): readonly PlainFlavour[] {
  return DESTINATIONS[target].markdown[form] ?? [];
}

export const isProseForm = (f: Formula) => PROSE_FORMS.has(f.delimiter);

/** `line:column` of an offset, for messages. */
export function where(ctx: LintContext, offset: number): string {
  const p = ctx.lines.position(offset);
  return `${p.line}:${p.column}`;
}

/**
 * The fix shared by the rules about inline markup in math: rewrite the formula in a form that
 * Markdown leaves alone and Mathdown reads as the same TeX — GitHub's `` $`…`$ `` for inline
 * math, a ```` ```math ```` fence for display math standing on its own lines. None when pandoc
 * or kramdown is a target (they read neither form as math) or the GitHub forms are switched off.
 */
export function verbatimFormFix(ctx: LintContext, index: number): TextEdit[] | undefined {
  if (ctx.allTargets.some((t) => t === 'pandoc' || t === 'kramdown') || !ctx.math.delimiters.includes('gfm')) return undefined;
  const f = ctx.formulas[index];
  const { text } = ctx;
  if (f.delimiter === '$') {
    if (f.tex.includes('`')) return undefined;
    return [
      { offset: f.offset, length: 1, text: '$`' },
      { offset: f.endOffset - 1, length: 1, text: '`$' },
    ];
  }
  if (f.delimiter !== '$$' && f.delimiter !== 'env') return undefined;
  if (/^ {0,3}(```|~~~)/m.test(f.tex) || !restOfLineIsBlank(text, f.endOffset)) return undefined;
  const prefix = continuationPrefix(ctx.lines, f.offset);
  if (prefix === undefined) return undefined;
  if (f.delimiter === 'env') {
    return [
      { offset: f.offset, length: 0, text: '```math\n' + prefix },
      { offset: f.endOffset, length: 0, text: '\n' + prefix + '```' },
    ];
  }
  const opensLine = f.tex.startsWith('\n') || /^[ \t]*\r?\n/.test(f.tex);
  const closerLineStart = text.lastIndexOf('\n', f.endOffset - 3) + 1;
  const closesLine = /^[ \t>]*$/.test(text.slice(closerLineStart, f.endOffset - 2));
  return [
    { offset: f.offset, length: 2, text: '```math' + (opensLine ? '' : '\n' + prefix) },
    { offset: f.endOffset - 2, length: 2, text: (closesLine ? '' : '\n' + prefix) + '```' },
  ];
}
