import { fixAll } from '../fixAll';
import { lint } from '../lint';
import type { LintReply, LintRequest } from './lintProtocol';

/** The lint worker's answer to one request (the worker entry only passes messages). */
export function answerLintRequest(request: LintRequest): LintReply {
  try {
    return request.kind === 'fixAll'
      ? { fixed: fixAll(request.text, request.options) }
      : { diagnostics: lint(request.text, request.options) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
