import type { TexError } from '../types';
import { errorBox } from './errorBox';
import { renderBatch, type BatchContext, type BatchFailure } from './typesetBatch';
import { labelKey, type CachedFormula, type LabelKey, type TypesetCache } from './typesetCache';
import { TypesetDocumentState, type Position } from './typesetDocumentState';
import { formulaKey, initialDefinitions } from './typesetKeys';
import type { EngineConfig, FormulaSpec, LabelValue, RenderOutcome } from './typesetProtocol';
import type { TypesetWorkerClient } from './typesetWorkerClient';

/** Formulas sent to the worker in one message at most (the worker answers each as it goes). */
const BATCH_LIMIT = 32;
/** Formulas of the document one batch may span, counting cached ones in between. */
const BATCH_SPAN = 256;

export interface DocumentContext {
  client: TypesetWorkerClient;
  cache: TypesetCache;
  timeoutMs: number;
  maxTexLength: number;
  config: EngineConfig;
  configKey: string;
  signal: AbortSignal | undefined;
}

export interface DocumentFormula {
  html: string;
  error?: TexError;
  cached: boolean;
  glyphs: CachedFormula['glyphs'];
}

interface Deferred {
  index: number;
  key: string;
  at: Position;
  /** The first pass's result, and cached candidates for the final one (all share that first pass). */
  entry: CachedFormula;
  candidates: CachedFormula[];
}

export function abortError(): DOMException {
  return new DOMException('Typesetting was aborted', 'AbortError');
}

function readLabels(read: Record<string, LabelValue | null>): Record<string, LabelKey> {
  const out: Record<string, LabelKey> = {};
  for (const name in read) out[name] = labelKey(read[name]);
  return out;
}

function entryFrom(outcome: RenderOutcome, at: Position): CachedFormula {
  return {
    ...(outcome.readsCounter ? { counter: at.counter, counterAfter: outcome.counterAfter } : {}),
    labels: readLabels(outcome.labelsRead),
    html: outcome.html,
    ...(outcome.error ? { error: outcome.error } : {}),
    glyphs: outcome.glyphs,
    labelsSet: outcome.labelsSet,
    defines: outcome.defines,
  };
}

/** A result that depends on no numbering state and changes nothing for later formulas. */
function isPure(entry: CachedFormula): boolean {
  return (
    entry.counter === undefined &&
    entry.counterAfter === undefined &&
    entry.redoLabels === undefined &&
    !entry.defines &&
    Object.keys(entry.labels).length === 0 &&
    Object.keys(entry.labelsSet).length === 0
  );
}

function failedEntry(tex: string, failure: BatchFailure): CachedFormula {
  return { labels: {}, html: errorBox(tex, failure.error), error: failure.error, glyphs: [], labelsSet: {}, defines: false };
}

/**
 * One render of one document: formulas in order, each from the cache when the state it depends
 * on is the same, otherwise in the worker (runs of consecutive misses in one batch); then formulas
 * with forward references once more, with all labels known.
 */
export async function typesetDocument(ctx: DocumentContext, jobs: readonly FormulaSpec[]): Promise<DocumentFormula[]> {
  const { cache } = ctx;
  const doc = new TypesetDocumentState(initialDefinitions(ctx.configKey));
  const batchContext: BatchContext = { client: ctx.client, timeoutMs: ctx.timeoutMs, config: ctx.config, configKey: ctx.configKey, doc };
  const out: DocumentFormula[] = [];
  const deferred: Deferred[] = [];
  const done = (index: number, entry: CachedFormula, cached: boolean): void => {
    out[index] = { html: entry.html, ...(entry.error ? { error: entry.error } : {}), cached, glyphs: entry.glyphs };
  };
  const checkAbort = (): void => {
    if (ctx.signal?.aborted) throw abortError();
  };
  const tooLong = (job: FormulaSpec): boolean => job.tex.length > ctx.maxTexLength;
  const lookup = (job: FormulaSpec): { key: string; candidates: CachedFormula[] } => {
    const key = formulaKey(doc.definitions, job.tex, job.display);
    return { key, candidates: cache.findAll(key, (entry) => doc.matches(entry)) };
  };

  let index = 0;
  while (index < jobs.length) {
    checkAbort();
    const job = jobs[index]!;
    if (tooLong(job)) {
      const error = { id: 'TooLong', message: `Formula too long to typeset: ${job.tex.length} characters (the limit is ${ctx.maxTexLength})` };
      out[index] = { html: errorBox(job.tex, error), error, cached: false, glyphs: [] };
      index++;
      continue;
    }
    const { key, candidates } = lookup(job);
    const hit = candidates[0];
    if (hit) {
      const at = doc.position();
      doc.apply(hit, job.tex, job.display, false);
      if (hit.redoLabels) deferred.push({ index, key, at, entry: hit, candidates });
      else done(index, hit, true);
      index++;
      continue;
    }
    // A run of formulas that miss in the present state, to be typeset in one batch. Cached
    // formulas that depend on no numbering state and change nothing may sit in between: the worker
    // does not need them. Should a formula of the batch change the state so that a later one is
    // not what was predicted, the batch is cut there and the rest typeset again.
    const items: Array<{ job: FormulaSpec; skip: boolean }> = [{ job, skip: false }];
    const keys = new Set([key]);
    let sent = 1;
    while (index + items.length < jobs.length && sent < BATCH_LIMIT && items.length < BATCH_SPAN) {
      const next = jobs[index + items.length]!;
      if (tooLong(next)) break;
      const ahead = lookup(next);
      const cached = ahead.candidates[0];
      if (cached && !isPure(cached)) break;
      if (!cached && keys.has(ahead.key)) break;
      if (!cached) {
        keys.add(ahead.key);
        sent++;
      }
      items.push({ job: next, skip: !!cached });
    }
    const { outcomes, failure } = await renderBatch(
      batchContext,
      items.filter((item) => !item.skip).map((item) => item.job),
      doc.position(),
      false,
    );
    let used = 0;
    let cut = false;
    for (const item of items) {
      const current = item.job;
      if (item.skip) {
        const hit = lookup(current).candidates[0];
        if (!hit || !isPure(hit)) {
          cut = true;
          break;
        }
        done(index++, hit, true);
        continue;
      }
      const outcome = outcomes[used];
      if (!outcome) break;
      used++;
      const currentKey = formulaKey(doc.definitions, current.tex, current.display);
      const at = doc.position();
      const entry = entryFrom(outcome, at);
      doc.apply(entry, current.tex, current.display, true);
      if (outcome.redo) {
        deferred.push({ index, key: currentKey, at, entry, candidates: [] });
      } else {
        cache.store(currentKey, entry);
        done(index, entry, false);
      }
      index++;
    }
    if (cut) {
      // The worker went on from a state this document does not reach.
      if (used < outcomes.length) doc.labelsSyncedWith = undefined;
    } else if (failure) {
      const failed = jobs[index]!;
      const entry = failedEntry(failed.tex, failure);
      if (failure.cacheable) cache.store(formulaKey(doc.definitions, failed.tex, failed.display), entry);
      done(index, entry, false);
      index++;
    }
  }

  // Forward references: typeset again once every label of the document is known.
  for (const { index, key, at, entry, candidates } of deferred) {
    checkAbort();
    const hit = candidates.find((c) => c.redoLabels && doc.labelsMatch(c.redoLabels));
    if (hit) {
      done(index, hit, true);
      continue;
    }
    const job = jobs[index]!;
    const { outcomes, failure } = await renderBatch(batchContext, [job], at, true);
    const outcome = outcomes[0];
    if (!outcome) {
      done(index, failedEntry(job.tex, failure!), false);
      continue;
    }
    const { error: _, ...firstPass } = entry;
    const final: CachedFormula = {
      ...firstPass,
      redoLabels: readLabels(outcome.labelsRead),
      html: outcome.html,
      ...(outcome.error ? { error: outcome.error } : {}),
      glyphs: outcome.glyphs,
    };
    cache.store(key, final);
    done(index, final, false);
  }
  return out;
}
