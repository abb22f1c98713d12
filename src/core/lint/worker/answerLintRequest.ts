import { fixAll } from '../fixAll';
import { IncrementalLinter } from '../incremental/incrementalLinter';
import type { LintReply, LintRequest } from './lintProtocol';

/** The worker's pieces of documents already linted: a save re-checks only the pieces that changed. */
const linter = new IncrementalLinter();

/** The lint worker's answer to one request (the worker entry only passes messages). */
export function answerLintRequest(request: LintRequest): LintReply {
  try {
    if (request.kind === 'pieces') return { pieces: linter.pieces() };
    if (request.pieces) linter.restore(request.pieces);
    if (request.kind === 'fixAll') return { fixed: fixAll(request.text, request.options) };
    const diagnostics = linter.lint(request.text, request.options);
    return { diagnostics, ...linter.lastStats };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
