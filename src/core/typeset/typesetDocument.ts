import type { TexError } from '../types';
import { errorBox } from './errorBox';
import { BATCH_LIMIT, renderBatch, sameBatchKey, type BatchContext, type BatchFailure } from './typesetBatch';
import type { CachedFormula, FormulaKey } from './typesetCache';
import { entryFrom, readLabels } from './typesetEntry';
import { TypesetDocumentState, type Position } from './typesetDocumentState';
import { formulaKey, initialDefinitions } from './typesetKeys';
import { prefetch } from './typesetPrefetch';
import type { FormulaSpec } from './typesetProtocol';
import type { DocumentContext } from './documentContext';

/** Formulas of the document one batch may span, counting cached ones in between. */
const BATCH_SPAN = 256;
/** Formulas a run sends its worker before a helper joins in: a render after an edit sends one or two. */
const HELPER_AFTER = 64;

export interface DocumentFormula {
  html: string;
  error?: TexError;
  cached: boolean;
  glyphs: CachedFormula['glyphs'];
  styles: CachedFormula['styles'];
}

interface Deferred {
  index: number;
  key: FormulaKey;
  at: Position;
  /** The first pass's result, and cached candidates for the final one (all share that first pass). */
  entry: CachedFormula;
  candidates: CachedFormula[];
}

interface BatchItem {
  job: FormulaSpec;
  /** Predicted to come from the cache without touching the state, so not sent to the worker. */
  skip: boolean;
}

export function abortError(): DOMException {
  return new DOMException('Typesetting was aborted', 'AbortError');
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
  return { labels: {}, html: errorBox(tex, failure.error), error: failure.error, glyphs: [], styles: [], labelsSet: {}, defines: false };
}

/**
 * One render of one document: formulas in order, each from the cache when the state it depends
 * on is the same, otherwise in the worker (runs of consecutive misses in one batch); then formulas
 * with forward references once more, with all labels known.
 */
export function typesetDocument(ctx: DocumentContext, jobs: readonly FormulaSpec[]): Promise<DocumentFormula[]> {
  return new DocumentRun(ctx, jobs).run();
}

class DocumentRun {
  readonly #doc: TypesetDocumentState;
  readonly #batchContext: BatchContext;
  readonly #out: DocumentFormula[] = [];
  readonly #deferred: Deferred[] = [];
  #index = 0;
  /** Formulas sent to the worker so far, and the helpers' work (see `startHelper`). */
  #sent = 0;
  #prefetching: Promise<void> | undefined;

  readonly #ctx: DocumentContext;
  readonly #jobs: readonly FormulaSpec[];

  constructor(ctx: DocumentContext, jobs: readonly FormulaSpec[]) {
    this.#ctx = ctx;
    this.#jobs = jobs;
    this.#doc = new TypesetDocumentState(initialDefinitions(ctx.configKey));
    this.#batchContext = {
      client: ctx.client,
      timeoutMs: ctx.timeoutMs,
      config: ctx.config,
      configKey: ctx.configKey,
      ...(ctx.compileOnly ? { compileOnly: true } : {}),
      doc: this.#doc,
    };
  }

  async run(): Promise<DocumentFormula[]> {
    try {
      return await this.#inOrder();
    } finally {
      // The helpers are this run's until their last batch is in.
      await this.#prefetching;
    }
  }

  /** Once this run has sent enough formulas to its worker to be more than an edit, the helpers join in. */
  #startHelper(): void {
    const clients = this.#ctx.helpers ?? [];
    if (!clients.length || this.#prefetching || this.#sent < HELPER_AFTER) return;
    this.#prefetching = prefetch({ ...this.#ctx, clients, progress: () => this.#index }, this.#jobs).catch(() => undefined);
  }

  async #inOrder(): Promise<DocumentFormula[]> {
    while (this.#index < this.#jobs.length) {
      this.#checkAbort();
      const job = this.#jobs[this.#index]!;
      if (this.#tooLong(job)) {
        const error = {
          id: 'TooLong',
          message: `Formula too long to typeset: ${job.tex.length} characters (the limit is ${this.#ctx.maxTexLength})`,
        };
        this.#out[this.#index++] = { html: errorBox(job.tex, error), error, cached: false, glyphs: [], styles: [] };
        continue;
      }
      const { key, hit } = this.#lookup(job);
      if (!hit) {
        await this.#typesetBatch(this.#batchFrom(job, key));
        continue;
      }
      if (hit.redoLabels) {
        const at = this.#doc.position();
        this.#doc.apply(hit, job.tex, job.display, false);
        this.#deferred.push({ index: this.#index, key, at, entry: hit, candidates: this.#candidates(key) });
      } else {
        this.#doc.apply(hit, job.tex, job.display, false);
        this.#done(this.#index, hit, true);
      }
      this.#index++;
    }
    for (const item of this.#deferred) await this.#typesetAgain(item);
    return this.#out;
  }

  /**
   * The run of formulas from the current one that miss in the present state. Cached formulas
   * that depend on no numbering state and change nothing may sit in between: the worker does not
   * need them.
   */
  #batchFrom(job: FormulaSpec, key: FormulaKey): BatchItem[] {
    const items: BatchItem[] = [{ job, skip: false }];
    const keys = new Set([sameBatchKey(key)]);
    let sent = 1;
    while (this.#index + items.length < this.#jobs.length && sent < BATCH_LIMIT && items.length < BATCH_SPAN) {
      const next = this.#jobs[this.#index + items.length]!;
      if (this.#tooLong(next)) break;
      const ahead = this.#lookup(next);
      const cached = ahead.hit;
      if (cached ? !isPure(cached) : keys.has(sameBatchKey(ahead.key))) break;
      if (!cached) {
        keys.add(sameBatchKey(ahead.key));
        sent++;
      }
      items.push({ job: next, skip: !!cached });
    }
    return items;
  }

  /**
   * Should a formula of the batch change the state so that a later skipped one is no longer what
   * was predicted, the batch is cut there and what follows is looked at again.
   */
  async #typesetBatch(items: BatchItem[]): Promise<void> {
    const doc = this.#doc;
    const sent = items.filter((item) => !item.skip).map((item) => item.job);
    this.#sent += sent.length;
    this.#startHelper();
    const { outcomes, failure } = await renderBatch(this.#batchContext, sent, doc.position(), false);
    let used = 0;
    for (const { job, skip } of items) {
      if (skip) {
        const { hit } = this.#lookup(job);
        if (!hit || !isPure(hit)) {
          // The worker went on from a state this document does not reach.
          if (used < outcomes.length) doc.labelsSyncedWith = undefined;
          return;
        }
        this.#done(this.#index++, hit, true);
        continue;
      }
      const outcome = outcomes[used++];
      if (!outcome) break;
      const key = formulaKey(doc.definitions, job.tex, job.display);
      const at = doc.position();
      const entry = entryFrom(outcome, at);
      doc.apply(entry, job.tex, job.display, true);
      if (outcome.redo) {
        this.#deferred.push({ index: this.#index, key, at, entry, candidates: [] });
      } else {
        this.#ctx.cache.store(key, entry);
        this.#done(this.#index, entry, false);
      }
      this.#index++;
    }
    if (failure) {
      const failed = this.#jobs[this.#index]!;
      const entry = failedEntry(failed.tex, failure);
      if (failure.cacheable)
        this.#ctx.cache.store(formulaKey(doc.definitions, failed.tex, failed.display), {
          ...entry,
          retryAfter: Date.now() + this.#ctx.timeoutRetryMs,
        });
      this.#done(this.#index++, entry, false);
    }
  }

  /** MathJax's redo for forward references: the formula once more, with the document's final labels. */
  async #typesetAgain({ index, key, at, entry, candidates }: Deferred): Promise<void> {
    this.#checkAbort();
    const hit = candidates.find((c) => c.redoLabels && this.#doc.labelsMatch(c.redoLabels));
    if (hit) {
      this.#done(index, hit, true);
      return;
    }
    const job = this.#jobs[index]!;
    const { outcomes, failure } = await renderBatch(this.#batchContext, [job], at, true);
    const outcome = outcomes[0];
    if (!outcome) {
      this.#done(index, failedEntry(job.tex, failure!), false);
      return;
    }
    const { error: _, ...firstPass } = entry;
    const final: CachedFormula = {
      ...firstPass,
      redoLabels: readLabels(outcome.labelsRead),
      html: outcome.html,
      ...(outcome.error ? { error: outcome.error } : {}),
      glyphs: outcome.glyphs,
      styles: outcome.styles,
    };
    this.#ctx.cache.store(key, final);
    this.#done(index, final, false);
  }

  #lookup(job: FormulaSpec): { key: FormulaKey; hit: CachedFormula | undefined } {
    const key = formulaKey(this.#doc.definitions, job.tex, job.display);
    return { key, hit: this.#ctx.cache.find(key, this.#usable) };
  }

  #candidates(key: FormulaKey): CachedFormula[] {
    return this.#ctx.cache.findAll(key, this.#usable);
  }

  readonly #now = Date.now();
  readonly #usable = (entry: CachedFormula): boolean =>
    this.#doc.matches(entry) && !(entry.retryAfter !== undefined && entry.retryAfter <= this.#now);

  #tooLong(job: FormulaSpec): boolean {
    return job.tex.length > this.#ctx.maxTexLength;
  }

  #done(index: number, entry: CachedFormula, cached: boolean): void {
    const formula: DocumentFormula = { html: entry.html, cached, glyphs: entry.glyphs, styles: entry.styles };
    if (entry.error) formula.error = entry.error;
    this.#out[index] = formula;
  }

  #checkAbort(): void {
    if (this.#ctx.signal?.aborted) throw abortError();
  }
}
