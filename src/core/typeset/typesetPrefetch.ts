import { MAY_DEFINE, NUMBERING } from '../mathjax/texEffects';
import { BATCH_LIMIT, renderBatch, sameBatchKey } from './typesetBatch';
import type { DocumentContext } from './documentContext';
import { TypesetDocumentState } from './typesetDocumentState';
import { formulaKey, initialDefinitions, nextDefinitions } from './typesetKeys';
import { entryFrom } from './typesetEntry';
import type { FormulaSpec } from './typesetProtocol';
import type { TypesetWorkerClient } from './typesetWorkerClient';

/** The fewest candidates worth starting a helper worker for. */
const MIN_CANDIDATES = 128;

export interface PrefetchContext extends Omit<DocumentContext, 'helpers' | 'client'> {
  /** The helper workers; they share one cursor moving down the document. */
  clients: readonly TypesetWorkerClient[];
  /** Index of the formula the in-order pass has reached. */
  progress(): number;
}

/**
 * Typesets, in helper workers and from the end of the document backwards, the uncached formulas
 * that look as if they depend on no numbering state, until it meets the in-order pass, storing
 * each result in the cache with the state it actually read. The in-order pass then finds them
 * there; a guess that was wrong costs only the work, as a result is used only where the state it
 * read is the state in force. Definitions are followed by predicting that every formula that may
 * define something does.
 */
export async function prefetch(ctx: PrefetchContext, jobs: readonly FormulaSpec[]): Promise<void> {
  const state = new TypesetDocumentState(initialDefinitions(ctx.configKey));
  const before: Array<{ definitions: string; steps: number }> = [];
  let candidates = 0;
  const candidate = jobs.map((job) => {
    before.push({ definitions: state.definitions, steps: state.steps.length });
    const defines = MAY_DEFINE.test(job.tex);
    const pure =
      job.tex.length <= ctx.maxTexLength && !NUMBERING.test(job.tex) && !(job.display && ctx.config.equationNumbers === 'all') && !defines;
    if (defines) {
      state.definitions = nextDefinitions(state.definitions, job.tex, job.display);
      state.steps.push({ tex: job.tex, display: job.display, after: state.definitions });
    }
    const wanted = pure && !ctx.cache.find(formulaKey(before.at(-1)!.definitions, job.tex, job.display), () => true);
    if (wanted) candidates++;
    return wanted;
  });
  if (candidates < MIN_CANDIDATES) return;
  const seen = new Set<string>();
  let i = jobs.length - 1;
  /** The next batch down from the cursor, or undefined once the cursor has met the in-order pass. */
  const nextBatch = (): { at: (typeof before)[number]; batch: number[] } | undefined => {
    while (i > ctx.progress() + BATCH_LIMIT && !ctx.signal?.aborted) {
      const at = before[i]!;
      const batch: number[] = [];
      for (; i > ctx.progress() + BATCH_LIMIT && batch.length < BATCH_LIMIT && before[i]!.definitions === at.definitions; i--) {
        const id = sameBatchKey(formulaKey(at.definitions, jobs[i]!.tex, jobs[i]!.display));
        if (candidate[i] && !seen.has(id)) {
          seen.add(id);
          batch.push(i);
        }
      }
      if (batch.length) return { at, batch: batch.reverse() };
    }
    return undefined;
  };
  const helper = async (client: TypesetWorkerClient): Promise<void> => {
    // Each worker is told its own label table (empty: these formulas read none).
    const doc = new TypesetDocumentState(initialDefinitions(ctx.configKey));
    doc.steps.push(...state.steps);
    const batchContext = {
      client,
      timeoutMs: ctx.timeoutMs,
      config: ctx.config,
      configKey: ctx.configKey,
      ...(ctx.compileOnly ? { compileOnly: true } : {}),
      doc,
    };
    for (let next = nextBatch(); next; next = nextBatch()) {
      const { at, batch } = next;
      const { outcomes } = await renderBatch(
        batchContext,
        batch.map((k) => jobs[k]!),
        { counter: 0, definitions: at.definitions, steps: at.steps },
        false,
      );
      outcomes.forEach((outcome, k) => {
        const job = jobs[batch[k]!]!;
        if (!outcome.error && !outcome.redo)
          ctx.cache.store(formulaKey(at.definitions, job.tex, job.display), entryFrom(outcome, { counter: 0, ...at }));
      });
      if (outcomes.length < batch.length) return;
    }
  };
  await Promise.all(ctx.clients.map(helper));
}
