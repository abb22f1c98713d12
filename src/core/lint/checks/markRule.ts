import type { LintContext } from '../types';
import type { MarkKind } from '../plain/plainMark';
import type { LintRule, Problem } from '../types';
import { nestedDelimiters } from './nestedDelimiters';
import { MARKDOWN_TARGETS, marksInFormulas, verbatimFormFix, type FormulaMark } from './portability';

/** What a mark rule says of one mark: its message, and whether rewriting the formula in a verbatim form fixes it. */
export interface MarkReport {
  message: string;
  /** Where the problem ends, when not where the mark does. */
  endOffset?: number;
  fixable: boolean;
}

/**
 * A portability rule that reports the Markdown marks (`kinds`) a renderer without math support
 * makes inside formulas, one problem per mark, with the verbatim-form fix where `report` allows it.
 */
export function markRule(
  meta: Pick<LintRule, 'id' | 'name' | 'description'>,
  kinds: readonly MarkKind[],
  report: (ctx: LintContext, found: FormulaMark) => MarkReport,
): LintRule {
  return {
    ...meta,
    tags: ['portability'],
    defaultSeverity: 'warning',
    targets: MARKDOWN_TARGETS,
    fixable: true,
    check(ctx) {
      return marksInFormulas(ctx, kinds)
        .filter((found) => !onNestedDelimiter(ctx, found))
        .map((found): Problem => {
          const { message, endOffset, fixable } = report(ctx, found);
          const fix = fixable ? verbatimFormFix(ctx, found.formula) : undefined;
          return { offset: found.mark.offset, endOffset: endOffset ?? found.mark.endOffset, message, ...(fix ? { fix } : {}) };
        });
    },
  };
}

/** The escape of a doubled `\\[`/`\\]` inside `$$`: MM205 reports the doubling, and its fix removes both. */
function onNestedDelimiter(ctx: LintContext, found: FormulaMark): boolean {
  const nested = nestedDelimiters(ctx.text, ctx.formulas[found.formula]);
  return !!nested && (found.mark.offset === nested.open || found.mark.offset === nested.close);
}
