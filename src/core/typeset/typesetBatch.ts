import type { TexError } from '../types';
import type { TypesetDocumentState, Position } from './typesetDocumentState';
import type { EngineConfig, FormulaSpec, RenderOutcome } from './typesetProtocol';
import type { FormulaKey } from './typesetCache';
import type { TypesetWorkerClient } from './typesetWorkerClient';

/** Formulas sent to the worker in one message at most (the worker answers each as it goes). */
export const BATCH_LIMIT = 32;

/** A formula key as one string, to tell the formulas of a batch apart. */
export function sameBatchKey(key: FormulaKey): string {
  return `${key.display ? 'D' : 'I'}${key.definitions}\u0000${key.tex}`;
}

export interface BatchFailure {
  error: TexError;
  /** Whether the same formula in the same state would fail the same way (a timeout), or not (a crash). */
  cacheable: boolean;
}

/** Outcomes for a prefix of the formulas; if it is not all of them, `failure` says what happened to the next. */
export interface BatchResult {
  outcomes: RenderOutcome[];
  failure?: BatchFailure;
}

export interface BatchContext {
  client: TypesetWorkerClient;
  timeoutMs: number;
  config: EngineConfig;
  configKey: string;
  compileOnly?: boolean;
  doc: TypesetDocumentState;
}

/**
 * Consecutive formulas typeset in the worker from the state at `at`, each with its own time budget.
 * The worker is sent the labels when its copy may differ, and the defining formulas that lead to
 * the definitions in force only when it asks for them (it usually has them already).
 */
export async function renderBatch(ctx: BatchContext, formulas: FormulaSpec[], at: Position, redo: boolean): Promise<BatchResult> {
  const { client, doc, timeoutMs } = ctx;
  let withSteps = false;
  for (;;) {
    const steps = withSteps ? doc.steps.slice(0, at.steps) : undefined;
    let sentLabelsTo: number | undefined;
    const { replies, failure } = await client.request(
      (generation) => {
        const labels = doc.labelsSyncedWith === generation ? undefined : doc.labelTable();
        if (labels) sentLabelsTo = generation;
        return {
          type: 'render',
          configKey: ctx.configKey,
          config: ctx.config,
          definitions: at.definitions,
          ...(steps ? { steps } : {}),
          counter: at.counter,
          ...(labels ? { labels } : {}),
          formulas,
          redo,
          ...(ctx.compileOnly ? { compileOnly: true } : {}),
        };
      },
      { expected: formulas.length, timeoutMs, firstTimeoutMs: timeoutMs * (1 + (steps?.length ?? 0)) },
    );
    const outcomes: RenderOutcome[] = [];
    for (const reply of replies) if (reply.type === 'rendered') outcomes.push(reply);
    if (outcomes.length && sentLabelsTo !== undefined) doc.labelsSyncedWith = sentLabelsTo;
    const last = replies[replies.length - 1];
    if (last?.type === 'needSteps' && !withSteps) {
      withSteps = true;
      continue;
    }
    if (last && last.type !== 'rendered') {
      // The worker's state is no longer known: start afresh rather than trust it.
      await client.terminate();
      const message = last.type === 'failed' ? last.message : 'could not restore the definitions of earlier formulas';
      return { outcomes, failure: { error: { id: 'InternalError', message: `Typesetting failed: ${message}` }, cacheable: false } };
    }
    if (failure?.type === 'timeout') {
      return {
        outcomes,
        failure: { error: { id: 'Timeout', message: `Typesetting took longer than ${timeoutMs} ms and was stopped` }, cacheable: true },
      };
    }
    if (failure)
      return { outcomes, failure: { error: { id: 'InternalError', message: `Typesetting failed: ${failure.message}` }, cacheable: false } };
    return { outcomes };
  }
}
