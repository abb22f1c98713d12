import { applyFixes } from './applyFixes';
import { lint } from './lint';
import type { LintOptions, TextEdit } from './types';

/** Every fix of every diagnostic, as one batch for `applyFixes`. */
export function allFixes(diagnostics: ReadonlyArray<{ fix?: readonly TextEdit[] }>): TextEdit[] {
  return diagnostics.flatMap((d) => d.fix ?? []);
}

/**
 * Applies all fixes (`fixed` counts the diagnostics that had one), re-lints and repeats while fixes remain and change the text (a fix can
 * reveal another, e.g. `\(…\)` → `$…$` → `` $`…`$ ``), at most `rounds` times.
 */
export function fixAll(text: string, options: Omit<LintOptions, 'formulas'> = {}, rounds = 4): { text: string; fixed: number } {
  let fixed = 0;
  for (let round = 0; round < rounds; round++) {
    const fixable = lint(text, options).filter((d) => d.fix);
    const next = applyFixes(text, allFixes(fixable));
    if (next === text) break;
    fixed += fixable.length;
    text = next;
  }
  return { text, fixed };
}
