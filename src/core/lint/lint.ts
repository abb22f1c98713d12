import { DEFAULT_SETTINGS } from '../config/settings';
import { parseMarkdown } from '../markdown';
import { DEFAULT_MATH_OPTIONS, type MathOptions } from '../types';
import { createLintContext } from './lintContext';
import { findRule, RULES } from './rules';
import { readSuppressions } from './suppressions';
import type { LintDiagnostic, LintOptions } from './types';

/**
 * Lints Markdown text with every rule. Formulas come from the same parse the preview uses; pass
 * `options.formulas` from a render to get MathJax's errors (MM301). Sorted by position.
 */
export function lint(text: string, options: LintOptions = {}): LintDiagnostic[] {
  const math: MathOptions = { ...DEFAULT_MATH_OPTIONS, ...options.math };
  const targets = options.targets ?? DEFAULT_SETTINGS.lint.targets;
  const formulas = options.formulas ?? parseMarkdown(text, math).formulas;
  const base = createLintContext(text, formulas, math, targets);
  const suppressed = readSuppressions(text, (r) => findRule(r)?.id);
  const out: LintDiagnostic[] = [];
  for (const rule of RULES) {
    const severity = options.rules?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const applicable = rule.targets ? targets.filter((t) => rule.targets!.includes(t)) : targets;
    if (rule.targets && !applicable.length) continue;
    for (const p of rule.check({ ...base, targets: applicable, plain: base.plain, texMap: base.texMap })) {
      const start = base.lines.position(p.offset);
      if (suppressed(rule.id, start.line - 1)) continue;
      const end = base.lines.position(Math.max(p.endOffset, p.offset));
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
        ...(p.choices?.length ? { choices: p.choices } : {}),
      });
    }
  }
  return out.sort((a, b) => a.offset - b.offset || RULES.findIndex((r) => r.id === a.rule) - RULES.findIndex((r) => r.id === b.rule));
}
