import type { LintDiagnostic, LintOptions } from '../types';

/** What the lint worker (lintWorker.ts) is asked: one document at a time. */
export interface LintRequest {
  text: string;
  options: LintOptions;
}

export type LintReply = { diagnostics: LintDiagnostic[] } | { error: string };
