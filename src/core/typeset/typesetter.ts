import type { MathOptions, TexError } from '../types';
import { TypesetCache } from './typesetCache';
import { compileOnlyStore } from './compileOnlyStore';
import { cacheFileParts, restoreCache, serializeCache } from './typesetCacheFile';
import { abortError, typesetDocument } from './typesetDocument';
import { styleRulesCss, type StyleRule } from './styleClasses';
import { GlobalFontDefs, HIDDEN_STYLE } from './typesetFontDefs';
import { configKey, styleClassName } from './typesetKeys';
import type { EngineConfig } from './typesetProtocol';
import type { StartedWorker, TypesetWorkerStarter } from './startedWorker';
import { TypesetWorkerClient, type IdleRetirement } from './typesetWorkerClient';
import { hardwareConcurrency } from '../platform/hardwareConcurrency';
import { OPTIONAL_TEX_PACKAGES } from '../mathjax/texPackages';
import { SerialQueue } from '../concurrency/serialQueue';

export { TEX_PACKAGES } from '../mathjax/texPackages';

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
  environments?: MathOptions['environments'];
  packages?: MathOptions['packages'];
  equationNumbers: MathOptions['equationNumbers'];
  fontCache?: 'local' | 'global' | 'none';
  assistiveMml?: boolean;
  /** Style attributes as classes (see styleClasses), their rules in the result's `styleRules`. */
  styleClasses?: boolean;
  /**
   * Only MathJax's compile step (TeX → its internal MathML): each formula's error, no HTML
   * (`html` is '' but for an error's box). What lint needs, for much less work than SVG output.
   * Read from the typesetter's results as well; its own results are kept apart from them.
   */
  compileOnly?: boolean;
  signal?: AbortSignal;
}

export interface TypesetResult {
  formulas: TypesetFormula[];
  /** The shared glyph `<svg><defs>` for fontCache 'global'; '' otherwise. */
  fontDefs: string;
  /** With styleClasses: one CSS rule per class used by the formulas (and the glyph cache); '' otherwise. */
  styleRules: string;
  stats: { hits: number; misses: number; ms: number };
}

export interface TypesetterOptions {
  /** Starts the typesetting workers (serveTypesetting in a thread of the host: see src/node/platform). */
  worker: TypesetWorkerStarter;
  /**
   * Time one formula may take in the worker before it is stopped and shown as an error: a hostile
   * formula's error box (and the formulas after it) then arrive after this and a worker restart.
   */
  timeoutMs?: number;
  /** A formula that timed out is shown as that error for this long, then typeset again (default a minute). */
  timeoutRetryMs?: number;
  maxTexLength?: number;
  cacheSize?: number;
  /**
   * The formula cache, when several typesetters share one (the CLI's pool over a folder: a formula
   * typeset for one file serves the others); otherwise each has its own of `cacheSize` entries.
   */
  formulaCache?: TypesetCache;
  /** The same for compile-only results (see `TypesetRequest.compileOnly`), which a render never reads. */
  compileCache?: TypesetCache;
  /**
   * Helper workers that typeset state-free formulas ahead of the in-order pass (see typesetPrefetch):
   * by default one per core beyond the first, at most MAX_HELPERS.
   */
  helpers?: number;
  /** The host's processor cores, for the default number of helpers (default: the standard `navigator.hardwareConcurrency`, else 1). */
  cores?: number;
  /**
   * A worker already started by `worker` (see watchStart), used as the first one: a host that
   * starts it before loading the core overlaps the two start-ups.
   */
  startedWorker?: StartedWorker;
  /**
   * Idle workers give their memory back (see IdleRetirement): after `idleMs` without work the
   * helpers stop, and the first worker is replaced by a fresh one when it has typeset `renewAfter`
   * formulas (or stops, with `false`). Off by default.
   */
  idleWorkers?: IdleRetirement;
}

/** Beyond four workers, each holding a MathJax of its own in memory, a long document's typesetting gains little. */
const MAX_HELPERS = 3;

function engineConfig(req: TypesetRequest): EngineConfig {
  const macros: EngineConfig['macros'] = {};
  for (const [name, def] of Object.entries(req.macros ?? {})) {
    const bare = name.replace(/^\\/, '');
    if (typeof def === 'string') macros[bare] = def;
    else if (Array.isArray(def) && typeof def[0] === 'string' && typeof def[1] === 'number')
      macros[bare] = typeof def[2] === 'string' ? [def[0], def[1], def[2]] : [def[0], def[1]];
  }
  const environments: EngineConfig['environments'] = {};
  for (const [name, def] of Object.entries(req.environments ?? {})) {
    if (!Array.isArray(def) || typeof def[0] !== 'string' || typeof def[1] !== 'string') continue;
    const [begin, end, args, first] = def as readonly unknown[];
    environments[name] =
      typeof args !== 'number'
        ? [begin as string, end as string]
        : typeof first === 'string'
          ? [begin as string, end as string, args, first]
          : [begin as string, end as string, args];
  }
  return {
    macros,
    environments,
    packages: OPTIONAL_TEX_PACKAGES.filter((p) => req.packages?.includes(p)),
    equationNumbers: req.equationNumbers ?? 'ams',
    fontCache: req.fontCache ?? 'local',
    assistiveMml: req.assistiveMml ?? false,
    styleClasses: req.styleClasses ?? false,
  };
}

/**
 * Typesets the formulas of one document with MathJax in a worker thread, in document order,
 * with per-document definitions and equation numbering, caching every result by what it depends on.
 * Calls run one at a time, in the order made.
 */
export class Typesetter {
  readonly #client: TypesetWorkerClient;
  readonly #helpers: TypesetWorkerClient[];
  readonly #timeoutMs: number;
  readonly #timeoutRetryMs: number;
  readonly #maxTexLength: number;
  readonly #cache: TypesetCache;
  readonly #compiled: TypesetCache;
  #hits = 0;
  #misses = 0;
  readonly #queue = new SerialQueue();
  #disposed = false;
  #css: string | undefined;
  readonly #fontDefs = new GlobalFontDefs();

  constructor(options: TypesetterOptions) {
    const idle = options.idleWorkers;
    this.#client = new TypesetWorkerClient(options.worker, options.startedWorker, idle);
    const helpers = options.helpers ?? Math.min(MAX_HELPERS, (options.cores ?? hardwareConcurrency()) - 1);
    const helperIdle = idle && { ...idle, renewAfter: false as const };
    this.#helpers = Array.from({ length: Math.max(0, helpers) }, () => new TypesetWorkerClient(options.worker, undefined, helperIdle));
    this.#timeoutMs = options.timeoutMs ?? 1000;
    this.#timeoutRetryMs = options.timeoutRetryMs ?? 60_000;
    this.#maxTexLength = options.maxTexLength ?? 10_000;
    this.#cache = options.formulaCache ?? new TypesetCache(options.cacheSize ?? 20_000);
    this.#compiled = options.compileCache ?? new TypesetCache(options.cacheSize ?? 20_000);
  }

  get cacheStats(): { hits: number; misses: number; size: number } {
    return { hits: this.#hits, misses: this.#misses, size: this.#cache.size };
  }

  typeset(req: TypesetRequest): Promise<TypesetResult> {
    return this.#exclusive(req.signal, async () => {
      const started = performance.now();
      const config = engineConfig(req);
      const formulas = await typesetDocument(
        {
          client: this.#client,
          cache: req.compileOnly ? compileOnlyStore(this.#compiled, this.#cache) : this.#cache,
          ...(req.compileOnly ? { compileOnly: true } : {}),
          timeoutMs: this.#timeoutMs,
          timeoutRetryMs: this.#timeoutRetryMs,
          maxTexLength: this.#maxTexLength,
          config,
          configKey: configKey(config),
          signal: req.signal,
          helpers: this.#helpers,
        },
        req.jobs,
      );
      let hits = 0;
      let misses = 0;
      for (const f of formulas) {
        if (f.cached) hits++;
        else if (f.error?.id !== 'TooLong') misses++;
      }
      this.#hits += hits;
      this.#misses += misses;
      const hidden: StyleRule | undefined = config.styleClasses ? [styleClassName(HIDDEN_STYLE), HIDDEN_STYLE] : undefined;
      const fontDefs =
        config.fontCache === 'global' && !req.compileOnly
          ? this.#fontDefs.of(
              formulas.map((f) => f.glyphs),
              hidden?.[0],
            )
          : '';
      const styles = formulas.map((f) => f.styles);
      return {
        formulas: formulas.map(({ html, error, cached }) => {
          const formula: TypesetFormula = { html, cached };
          if (error) formula.error = error;
          return formula;
        }),
        fontDefs,
        styleRules: config.styleClasses && !req.compileOnly ? styleRulesCss(fontDefs && hidden ? [[hidden], ...styles] : styles) : '',
        stats: { hits, misses, ms: performance.now() - started },
      };
    });
  }

  /** The formula cache as text for a file (see typesetCacheFile); `engine` identifies the typesetting code. */
  serializeCache(engine: string): string {
    return serializeCache(this.#cache, engine);
  }

  /** The same text in pieces (see typesetCacheFile's `cacheFileParts`). */
  cacheFileParts(engine: string): Generator<string> {
    return cacheFileParts(this.#cache, engine);
  }

  /** Fills the formula cache from `serializeCache`'s text, if it is for the same engine; returns the formulas restored. */
  restoreCache(text: string, engine: string): number {
    return restoreCache(this.#cache, text, engine);
  }

  /** Starts the worker ahead of the first request (a render about to parse its document). */
  prestart(): void {
    if (!this.#disposed) this.#client.prestart();
  }

  /** MathJax's CSS for SVG output (including the rules that hide assistive MathML visually). */
  styleSheet(): Promise<string> {
    return this.#exclusive(undefined, async () => {
      if (this.#css === undefined) {
        const config: EngineConfig = {
          macros: {},
          environments: {},
          packages: [],
          equationNumbers: 'ams',
          fontCache: 'local',
          assistiveMml: true,
          styleClasses: false,
        };
        const { replies, failure } = await this.#client.request(
          { type: 'style', configKey: configKey(config), config },
          { expected: 1, timeoutMs: 60_000 },
        );
        const reply = replies[0];
        if (reply?.type !== 'style') {
          throw new Error(
            `Could not get MathJax's stylesheet (${failure?.type === 'crashed' ? failure.message : (failure?.type ?? reply?.type)})`,
          );
        }
        this.#css = reply.css;
      }
      return this.#css;
    });
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    await Promise.all([this.#client, ...this.#helpers].map((c) => c.close()));
  }

  /** Runs `task` after every earlier call has finished; an aborted call rejects at once. */
  #exclusive<T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    if (this.#disposed) return Promise.reject(new Error('Typesetter has been disposed'));
    if (signal?.aborted) return Promise.reject(abortError());
    const run = this.#queue.run(() => {
      if (signal?.aborted) throw abortError();
      if (this.#disposed) throw new Error('Typesetter has been disposed');
      return task();
    });
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
}
