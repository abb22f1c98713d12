import * as path from 'node:path';
import type { MathOptions, TexError } from '../types';
import { errorBox } from './errorBox';
import { TypesetCache, labelKey, type CachedFormula, type LabelKey } from './typesetCache';
import { TypesetDocumentState, type Position } from './typesetDocumentState';
import { globalFontDefs } from './typesetFontDefs';
import { configKey, formulaKey, initialDefinitions } from './typesetKeys';
import type { EngineConfig, LabelValue, RenderOutcome } from './typesetProtocol';
import { TypesetWorkerClient } from './typesetWorkerClient';

export { TEX_PACKAGES } from './texPackages';

export interface TypesetJob {
  tex: string;
  display: boolean;
}

export interface TypesetFormula {
  html: string;
  error?: TexError;
  cached: boolean;
}

export interface TypesetRequest {
  jobs: readonly TypesetJob[];
  macros: MathOptions['macros'];
  equationNumbers: MathOptions['equationNumbers'];
  fontCache?: 'local' | 'global' | 'none';
  assistiveMml?: boolean;
  signal?: AbortSignal;
}

export interface TypesetResult {
  formulas: TypesetFormula[];
  /** The shared glyph `<svg><defs>` for fontCache 'global'; '' otherwise. */
  fontDefs: string;
  stats: { hits: number; misses: number; ms: number };
}

export interface TypesetterOptions {
  workerFile?: string;
  timeoutMs?: number;
  maxTexLength?: number;
  cacheSize?: number;
}

interface RenderFailure {
  error: TexError;
  cacheable: boolean;
}

interface Deferred {
  index: number;
  key: string;
  at: Position;
  /** The first pass's result; cached candidates for the final one, if any, all with the same first pass. */
  entry: CachedFormula;
  candidates: CachedFormula[];
}

function abortError(): DOMException {
  return new DOMException('Typesetting was aborted', 'AbortError');
}

function readLabels(read: Record<string, LabelValue | null>): Record<string, LabelKey> {
  const out: Record<string, LabelKey> = {};
  for (const name in read) out[name] = labelKey(read[name]);
  return out;
}

function engineConfig(req: TypesetRequest): EngineConfig {
  const macros: EngineConfig['macros'] = {};
  for (const [name, def] of Object.entries(req.macros ?? {})) {
    const bare = name.replace(/^\\/, '');
    if (typeof def === 'string') macros[bare] = def;
    else if (Array.isArray(def) && typeof def[0] === 'string' && typeof def[1] === 'number') macros[bare] = [def[0], def[1]];
  }
  return { macros, equationNumbers: req.equationNumbers ?? 'ams', fontCache: req.fontCache ?? 'local', assistiveMml: req.assistiveMml ?? false };
}

/**
 * Typesets the formulas of one document with MathJax in a worker thread, in document order,
 * with per-document definitions and equation numbering, caching every result by what it depends on.
 */
export class Typesetter {
  private readonly client: TypesetWorkerClient;
  private readonly timeoutMs: number;
  private readonly maxTexLength: number;
  private readonly cache: TypesetCache;
  private hits = 0;
  private misses = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private css: string | undefined;

  constructor(options: TypesetterOptions = {}) {
    this.client = new TypesetWorkerClient(options.workerFile ?? path.join(__dirname, 'typesetWorker.js'));
    this.timeoutMs = options.timeoutMs ?? 1500;
    this.maxTexLength = options.maxTexLength ?? 10_000;
    this.cache = new TypesetCache(options.cacheSize ?? 20_000);
  }

  get cacheStats(): { hits: number; misses: number; size: number } {
    return { hits: this.hits, misses: this.misses, size: this.cache.size };
  }

  typeset(req: TypesetRequest): Promise<TypesetResult> {
    return this.exclusive(req.signal, () => this.run(req));
  }

  /** MathJax's CSS for SVG output (including the rules that hide assistive MathML visually). */
  styleSheet(): Promise<string> {
    return this.exclusive(undefined, async () => {
      if (this.css === undefined) {
        const config: EngineConfig = { macros: {}, equationNumbers: 'ams', fontCache: 'local', assistiveMml: true };
        const reply = await this.client.request({ type: 'style', configKey: configKey(config), config }, 60_000);
        if (reply.type !== 'style') throw new Error(`Could not get MathJax's stylesheet (${reply.type === 'crashed' || reply.type === 'failed' ? reply.message : reply.type})`);
        this.css = reply.css;
      }
      return this.css;
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.client.terminate();
  }

  /** Runs `task` after every earlier call has finished; an aborted call rejects at once. */
  private exclusive<T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('Typesetter has been disposed'));
    if (signal?.aborted) return Promise.reject(abortError());
    const run = this.queue.then(() => {
      if (signal?.aborted) throw abortError();
      if (this.disposed) throw new Error('Typesetter has been disposed');
      return task();
    });
    this.queue = run.catch(() => undefined);
    if (!signal) return run;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(abortError());
      signal.addEventListener('abort', onAbort, { once: true });
      run.then(
        (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
        (err: unknown) => (signal.removeEventListener('abort', onAbort), reject(err)),
      );
    });
  }

  private async run(req: TypesetRequest): Promise<TypesetResult> {
    const started = performance.now();
    const config = engineConfig(req);
    const cKey = configKey(config);
    const doc = new TypesetDocumentState(initialDefinitions(cKey));
    const formulas: TypesetFormula[] = [];
    const glyphs: Array<CachedFormula['glyphs']> = [];
    const deferred: Deferred[] = [];
    let hits = 0;
    let misses = 0;
    const done = (index: number, entry: CachedFormula, cached: boolean): void => {
      formulas[index] = { html: entry.html, ...(entry.error ? { error: entry.error } : {}), cached };
      glyphs[index] = entry.glyphs;
      if (cached) hits++;
      else misses++;
    };
    const checkAbort = (): void => {
      if (req.signal?.aborted) throw abortError();
    };

    for (const [index, job] of req.jobs.entries()) {
      checkAbort();
      if (job.tex.length > this.maxTexLength) {
        const error = { id: 'TooLong', message: `Formula too long to typeset: ${job.tex.length} characters (the limit is ${this.maxTexLength})` };
        formulas[index] = { html: errorBox(job.tex, error), error, cached: false };
        continue;
      }
      const key = formulaKey(doc.definitions, job.tex, job.display);
      const at = doc.position();
      const candidates = this.cache.findAll(key, (entry) => doc.matches(entry));
      const hit = candidates[0];
      if (hit) {
        doc.apply(hit, job.tex, job.display, false);
        if (hit.redoLabels) deferred.push({ index, key, at, entry: hit, candidates });
        else done(index, hit, true);
        continue;
      }
      const outcome = await this.render(config, cKey, doc, job, at, false);
      checkAbort();
      if ('cacheable' in outcome) {
        const entry: CachedFormula = { labels: {}, html: errorBox(job.tex, outcome.error), error: outcome.error, glyphs: [], labelsSet: {}, defines: false };
        if (outcome.cacheable) this.cache.store(key, entry);
        done(index, entry, false);
        continue;
      }
      const entry: CachedFormula = {
        ...(outcome.readsCounter ? { counter: at.counter, counterAfter: outcome.counterAfter } : {}),
        labels: readLabels(outcome.labelsRead),
        html: outcome.html,
        ...(outcome.error ? { error: outcome.error } : {}),
        glyphs: outcome.glyphs,
        labelsSet: outcome.labelsSet,
        defines: outcome.defines,
      };
      doc.apply(entry, job.tex, job.display, true);
      if (outcome.redo) {
        deferred.push({ index, key, at, entry, candidates: [] });
      } else {
        this.cache.store(key, entry);
        done(index, entry, false);
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
      const job = req.jobs[index]!;
      const outcome = await this.render(config, cKey, doc, job, at, true);
      checkAbort();
      if ('cacheable' in outcome) {
        done(index, { ...entry, html: errorBox(job.tex, outcome.error), error: outcome.error, glyphs: [] }, false);
        continue;
      }
      const { error: _, ...positional } = entry;
      const final: CachedFormula = {
        ...positional,
        redoLabels: readLabels(outcome.labelsRead),
        html: outcome.html,
        ...(outcome.error ? { error: outcome.error } : {}),
        glyphs: outcome.glyphs,
      };
      this.cache.store(key, final);
      done(index, final, false);
    }

    this.hits += hits;
    this.misses += misses;
    return {
      formulas,
      fontDefs: config.fontCache === 'global' ? globalFontDefs(glyphs.filter(Boolean)) : '',
      stats: { hits, misses, ms: performance.now() - started },
    };
  }

  /** One formula in the worker, with the definitions, counter and labels of its position. */
  private async render(
    config: EngineConfig,
    cKey: string,
    doc: TypesetDocumentState,
    job: TypesetJob,
    at: Position,
    redo: boolean,
  ): Promise<RenderOutcome | RenderFailure> {
    let withSteps = false;
    for (;;) {
      if (this.disposed) throw new Error('Typesetter has been disposed');
      const steps = withSteps ? doc.steps.slice(0, at.steps) : undefined;
      let sentLabelsTo: number | undefined;
      const reply = await this.client.request((generation) => {
        const labels = doc.labelsSyncedWith === generation ? undefined : doc.labelTable();
        if (labels) sentLabelsTo = generation;
        return {
          type: 'render',
          configKey: cKey,
          config,
          definitions: at.definitions,
          ...(steps ? { steps } : {}),
          counter: at.counter,
          ...(labels ? { labels } : {}),
          tex: job.tex,
          display: job.display,
          redo,
        };
      }, this.timeoutMs * (1 + (steps?.length ?? 0)));
      switch (reply.type) {
        case 'rendered':
          if (sentLabelsTo !== undefined) doc.labelsSyncedWith = sentLabelsTo;
          return reply;
        case 'needSteps':
          if (withSteps) return { error: { id: 'InternalError', message: 'Could not restore the definitions of earlier formulas' }, cacheable: false };
          withSteps = true;
          continue;
        case 'timeout':
          return { error: { id: 'Timeout', message: `Typesetting took longer than ${this.timeoutMs} ms and was stopped` }, cacheable: true };
        case 'crashed':
        case 'failed':
          return { error: { id: 'InternalError', message: `Typesetting failed: ${reply.message}` }, cacheable: false };
        default:
          return { error: { id: 'InternalError', message: `Unexpected reply from the typesetting worker: ${reply.type}` }, cacheable: false };
      }
    }
  }
}
