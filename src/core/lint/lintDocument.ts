import type { MathdownSettings } from '../config/settings';
import type { RenderOptions } from '../render/render';
import type { Formula } from '../types';
import { lint } from './lint';
import type { LintWorkerClient } from './worker/lintWorkerClient';
import type { LintDiagnostic, LintOptions } from './types';

/** The part of `MathdownRenderer` the linter needs (MathJax's errors for MM301). */
export interface FormulaRenderer {
  formulas(text: string, options?: Pick<RenderOptions, 'math' | 'fontCache' | 'signal'>): Promise<readonly Formula[]>;
}

/**
 * Lints with the document's settings, with the formulas (and MathJax's errors) typeset with the
 * preview's options, so that the typesetter's cache serves both; in `worker`'s thread if given.
 */
export async function lintDocument(text: string, settings: MathdownSettings, renderer?: FormulaRenderer, signal?: AbortSignal, worker?: LintWorkerClient): Promise<LintDiagnostic[]> {
  const rules = settings.lint.rules;
  const wantsTex = rules.MM301 !== 'off';
  const formulas = renderer && wantsTex ? await renderer.formulas(text, { math: settings.math, fontCache: 'global', ...(signal ? { signal } : {}) }) : undefined;
  const options: LintOptions = { math: settings.math, rules, targets: settings.lint.targets, ...(formulas ? { formulas } : {}) };
  return worker ? worker.lint(text, options, signal) : lint(text, options);
}
