import type { WorkerStarter } from '../../platform/workerPort';
import type { LintDiagnostic, LintOptions } from '../types';

/** What the lint worker (serveLint) is asked: one document at a time. */
export interface LintRequest {
  text: string;
  options: LintOptions;
}

export type LintReply = { diagnostics: LintDiagnostic[] } | { error: string };

/** Starts lint workers on the host (src/node/platform for Node's worker threads). */
export type LintWorkerStarter = WorkerStarter<LintRequest, LintReply>;
