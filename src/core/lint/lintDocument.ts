import type { MathdownSettings } from '../config/settings';
import type { RenderOptions, RenderResult } from '../render';
import { lint } from './lint';
import type { LintDiagnostic } from './types';

/** The part of `MathdownRenderer` the linter needs (MathJax's errors for MM301). */
export interface FormulaRenderer {
  render(text: string, options?: RenderOptions): Promise<Pick<RenderResult, 'formulas'>>;
}

/**
 * Lints with the document's settings, with the formulas (and MathJax's errors) of a render made
 * with the preview's options, so that the typesetter's cache serves both.
 */
export async function lintDocument(text: string, settings: MathdownSettings, renderer?: FormulaRenderer, signal?: AbortSignal): Promise<LintDiagnostic[]> {
  const rules = settings.lint.rules;
  const wantsTex = rules.MM301 !== 'off';
  const formulas = renderer && wantsTex ? (await renderer.render(text, { math: settings.math, fontCache: 'global', ...(signal ? { signal } : {}) })).formulas : undefined;
  return lint(text, { math: settings.math, rules, targets: settings.lint.targets, ...(formulas ? { formulas } : {}) });
}
