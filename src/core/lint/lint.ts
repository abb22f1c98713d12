import { DEFAULT_SETTINGS } from '../config/settings';
import { parseMarkdown } from '../markdown';
import { LineTable } from '../markdown/lineTable';
import { DEFAULT_MATH_OPTIONS, type MathOptions } from '../types';
import { createLintContext } from './lintContext';
import { findRule, RULES } from './rules';
import { readSuppressions } from './suppressions';
import type { LintContext, LintDiagnostic, LintOptions, LintRule } from './types';

/**
 * Lints Markdown text with every rule. Formulas come from the same parse the preview uses; pass
 * `options.formulas` from a render to get MathJax's errors (MM301). Sorted by position.
 */
export function lint(text: string, options: LintOptions = {}): LintDiagnostic[] {
  const math: MathOptions = { ...DEFAULT_MATH_OPTIONS, ...options.math };
  const formulas = options.formulas ?? parseMarkdown(text, math).formulas;
  const ctx = createLintContext(text, formulas, math, options.targets ?? DEFAULT_SETTINGS.lint.targets);
  return finishDiagnostics(
    text,
    runRules(ctx, options.rules, () => true),
  );
}

/**
 * The diagnostics of the rules `which` selects over one context, positioned with `positions`
 * (the context's own lines by default), before suppression comments and sorting.
 */
export function runRules(
  ctx: LintContext,
  severities: LintOptions['rules'],
  which: (rule: LintRule) => boolean,
  positions: LineTable = ctx.lines,
): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const rule of RULES) {
    if (!which(rule)) continue;
    const severity = severities?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const applicable = rule.targets ? ctx.allTargets.filter((t) => rule.targets!.includes(t)) : ctx.allTargets;
    if (rule.targets && !applicable.length) continue;
    for (const p of rule.check({ ...ctx, targets: applicable, plain: ctx.plain, texMap: ctx.texMap })) {
      const start = positions.position(p.offset);
      const end = positions.position(Math.max(p.endOffset, p.offset));
      out.push({
        rule: rule.id,
        name: rule.name,
        severity,
        message: p.message,
        offset: p.offset,
        endOffset: Math.max(p.endOffset, p.offset),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        ...(p.fix ? { fix: p.fix } : {}),
      });
    }
  }
  return out;
}

/** Drops what the document's suppression comments switch off, and sorts by position, then rule order. */
export function finishDiagnostics(text: string, diagnostics: LintDiagnostic[]): LintDiagnostic[] {
  const suppressed = readSuppressions(text, (r) => findRule(r)?.id);
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return diagnostics
    .filter((d) => !suppressed(d.rule, d.line - 1))
    .sort((a, b) => a.offset - b.offset || order.get(a.rule)! - order.get(b.rule)!);
}
