import type { MathdownSettings } from '../config/settings';
import type { ParseCache } from '../markdown';
import type { RenderOptions } from '../render/render';
import type { Formula } from '../types';
import { lint } from './lint';
import type { LintWorkerClient } from './worker/lintWorkerClient';
import type { LintDiagnostic, LintOptions } from './types';

/** The part of `MathdownRenderer` the linter needs (MathJax's errors for MM301). */
export interface FormulaRenderer {
  formulas(
    text: string,
    options?: Pick<RenderOptions, 'math' | 'fontCache' | 'assistiveMml' | 'signal' | 'documentKey'> & { compileOnly?: boolean },
  ): Promise<readonly Formula[]>;
}

/** What `lintDocument` works with besides the text and settings; every part is optional. */
export interface LintDocumentDeps {
  /** Typesets the formulas for MM301 (TeX errors). */
  renderer?: FormulaRenderer;
  /** The parses the renderer and the document's other readers share: lint takes the formulas from there. */
  parses?: ParseCache;
  /** The document's key in `parses` (and the renderer's): its URI. */
  documentKey?: string;
  signal?: AbortSignal;
  /** Runs the rules in this worker thread instead of the caller's. */
  worker?: LintWorkerClient;
}

/**
 * Lints with the document's settings, with the formulas of the document's shared parse: compiled
 * by MathJax when MM301 is on, only as far as its errors (no SVG), under the preview's options so
 * that formulas the preview has typeset come from the typesetter's cache.
 * Without a renderer or parses, lint parses the text itself.
 */
export async function lintDocument(text: string, settings: MathdownSettings, deps: LintDocumentDeps = {}): Promise<LintDiagnostic[]> {
  const { renderer, parses, documentKey, signal, worker } = deps;
  const rules = settings.lint.rules;
  const wantsTex = rules.MM301 !== 'off';
  const formulas =
    renderer && wantsTex
      ? await renderer.formulas(text, {
          math: settings.math,
          fontCache: 'global',
          // As the preview typesets, so that lint reads the formulas the preview has typeset.
          assistiveMml: true,
          compileOnly: true,
          ...(signal ? { signal } : {}),
          ...(documentKey !== undefined ? { documentKey } : {}),
        })
      : parses?.parse(text, settings.math, documentKey).formulas;
  const options: LintOptions = { math: settings.math, rules, targets: settings.lint.targets, ...(formulas ? { formulas } : {}) };
  return worker ? worker.lint(text, options, signal) : lint(text, options);
}
