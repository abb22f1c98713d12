import type { FixAllResult } from '../fixAll';
import type { LintDiagnostic, LintOptions } from '../types';

/** What the lint worker (lintWorker.ts) is asked: one document at a time, to lint or to fix all. */
export type LintRequest =
  | { kind: 'lint'; text: string; options: LintOptions }
  | { kind: 'fixAll'; text: string; options: LintOptions };

export type LintReply = { diagnostics: LintDiagnostic[] } | { fixed: FixAllResult } | { error: string };
