import type { WorkerStarter } from '../../platform/workerPort';
import type { FixAllResult } from '../fixAll';
import type { LintDiagnostic, LintOptions } from '../types';

/** What the lint worker (serveLint) is asked: one document at a time, to lint or to fix all. */
export type LintRequest = { kind: 'lint'; text: string; options: LintOptions } | { kind: 'fixAll'; text: string; options: LintOptions };

export type LintReply = { diagnostics: LintDiagnostic[] } | { fixed: FixAllResult } | { error: string };

/** Starts lint workers on the host (src/node/platform for Node's worker threads). */
export type LintWorkerStarter = WorkerStarter<LintRequest, LintReply>;
