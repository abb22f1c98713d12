import type { WorkerStarter } from '../../platform/workerPort';
import type { FixAllResult } from '../fixAll';
import type { LintDiagnostic, LintOptions } from '../types';
import type { LintPieces } from '../incremental/incrementalLinter';

/**
 * What the lint worker (serveLint) is asked: one document at a time, to lint or to fix all; a
 * request may bring the pieces a previous worker kept (`pieces`, taken before it is answered).
 * `pieces` alone asks for the worker's own, before it is stopped.
 */
export type LintRequest =
  | { kind: 'lint'; text: string; options: LintOptions; pieces?: LintPieces }
  | { kind: 'fixAll'; text: string; options: LintOptions; pieces?: LintPieces }
  | { kind: 'pieces' };

/** `linted`: of the document's pieces, those linted anew (the others were kept from before). */
export type LintReply =
  { diagnostics: LintDiagnostic[]; linted: number; chunks: number } | { fixed: FixAllResult } | { pieces: LintPieces } | { error: string };

/** Starts lint workers on the host (src/node/platform for Node's worker threads). */
export type LintWorkerStarter = WorkerStarter<LintRequest, LintReply>;
