import { applyFixes } from './applyFixes';
import { lint } from './lint';
import type { LintOptions, TextEdit } from './types';

/** Every fix of every diagnostic, as one batch for `applyFixes`. */
export function allFixes(diagnostics: ReadonlyArray<{ fix?: readonly TextEdit[] }>): TextEdit[] {
  return diagnostics.flatMap((d) => d.fix ?? []);
}

export interface FixAllResult {
  text: string;
  /** Diagnostics whose fix was applied. */
  fixed: number;
}

/**
 * Applies all fixes (`fixed` counts the diagnostics that had one), re-lints and repeats while fixes remain and change the text (a fix can
 * reveal another, e.g. `\(…\)` → `$…$` → `` $`…`$ ``), at most `rounds` times. `options.formulas`, if given, are those of
 * `text` as parsed (the document's shared parse): they serve the first round only, the fixed texts are parsed anew.
 */
export function fixAll(text: string, options: LintOptions = {}, rounds = 4): FixAllResult {
  const { formulas, ...rest } = options;
  let fixed = 0;
  for (let round = 0; round < rounds; round++) {
    const fixable = lint(text, round === 0 && formulas ? options : rest).filter((d) => d.fix);
    const next = applyFixes(text, allFixes(fixable));
    if (next === text) break;
    fixed += fixable.length;
    text = next;
  }
  return { text, fixed };
}
