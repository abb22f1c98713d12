import { applyFixes } from './applyFixes';
import { lint } from './lint';
import type { LintOptions, TextEdit } from './types';

/** Every fix of every diagnostic, as one batch for `applyFixes`. */
export function allFixes(diagnostics: ReadonlyArray<{ fix?: readonly TextEdit[] }>): TextEdit[] {
  return diagnostics.flatMap((d) => d.fix ?? []);
}

/**
 * Applies all fixes, re-lints and repeats while fixes remain and change the text (a fix can
 * reveal another, e.g. `\(…\)` → `$…$` → `` $`…`$ ``), at most `rounds` times.
 */
export function fixAll(text: string, options: Omit<LintOptions, 'formulas'> = {}, rounds = 4): { text: string; applied: number } {
  let applied = 0;
  for (let round = 0; round < rounds; round++) {
    const edits = allFixes(lint(text, options));
    if (!edits.length) break;
    const next = applyFixes(text, edits);
    if (next === text) break;
    applied += edits.length;
    text = next;
  }
  return { text, applied };
}
