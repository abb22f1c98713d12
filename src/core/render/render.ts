import { documentMath } from '../config/documentMath';
import { BlockHtmlCache, htmlKey } from './blockHtmlCache';
import {
  footnotesTemplate,
  originOf,
  placeTemplate,
  renderTemplates,
  templateText,
  type BlockTemplate,
  type Origin,
} from './blockTemplate';
import { firstScreenEnd, pendingBox, typesetFirst } from './firstScreen';
import type { CellsResult, FirstScreen, MathdownRendererOptions, RenderedBlock, RenderOptions, RenderResult } from './renderTypes';
import { headingsOf, parseMarkdown, ParseCache, topLevelBlocks, type ParsedDocument } from '../markdown';
import { SourceLines } from '../markdown/sourceLines';
import { errorInFormula, typesetJobOf } from '../typeset/labelledTex';
import { Typesetter, type TypesetRequest, type TypesetResult } from '../typeset/typesetter';
import { DEFAULT_MATH_OPTIONS, type Formula, type MathOptions } from '../types';
import { SerialQueue } from '../concurrency/serialQueue';

export type { CellsResult, FirstScreen, MathdownRendererOptions, RenderedBlock, RenderOptions, RenderResult } from './renderTypes';

/**
 * The one path from Markdown text to typeset HTML (README, "How it is built"): Marked with the
 * math extensions finds the formulas, the typesetter turns them into SVG (cache first, then its
 * worker), and the Marked renderer places each formula's HTML at its token. Preview, export, CLI,
 * lint and hover all call this.
 */
export class MathdownRenderer {
  readonly #typesetter: Typesetter;
  readonly #hash: (html: string) => string;
  readonly #blocks: BlockHtmlCache;
  /** The last parse of each keyed document, for incremental re-lexing and for the document's other readers. */
  readonly #parses: ParseCache;
  /** Renders run one after another: a re-lex reuses (and re-positions) the previous render's tokens. */
  readonly #queue = new SerialQueue();
  /** Renders queued or running. */
  #inFlight = 0;
  #css: Promise<string> | undefined;
  readonly #typesetterOptions: Omit<MathdownRendererOptions, 'parses'>;
  /** A second worker for first screens that would otherwise wait behind another render (see `render`). */
  #priority: Typesetter | undefined;

  constructor({ parses, ...options }: MathdownRendererOptions) {
    this.#typesetterOptions = options;
    this.#typesetter = new Typesetter(options);
    this.#hash = options.hash ?? htmlKey;
    this.#blocks = new BlockHtmlCache(undefined, this.#hash);
    this.#parses = parses ?? new ParseCache();
  }

  /** The first-screen worker: only for a first screen that would wait, so it stops when idle. */
  #priorityTypesetter(): Typesetter {
    const idle = this.#typesetterOptions.idleWorkers;
    return new Typesetter({
      ...this.#typesetterOptions,
      startedWorker: undefined,
      cacheSize: 2_000,
      helpers: 0,
      ...(idle ? { idleWorkers: { ...idle, renewAfter: false } } : {}),
    });
  }

  get cacheStats() {
    return this.#typesetter.cacheStats;
  }

  /** The formula cache as text for a file; `engine` must change whenever the typesetting code does. */
  serializeCache(engine: string): string {
    return this.#typesetter.serializeCache(engine);
  }

  /** `serializeCache`'s text in pieces, for a writer that must not block its thread for long. */
  cacheFileParts(engine: string): Generator<string> {
    return this.#typesetter.cacheFileParts(engine);
  }

  /**
   * Fills the formula cache from a file's text (see `serializeCache`) before any later render runs,
   * so that a document reopened in a new session is typeset from it. Resolves with the formulas restored.
   * `engine` names the code that typesets (a host may have to read its files first, hence the promise).
   */
  loadCache(text: Promise<string | undefined>, engine: string | Promise<string>): Promise<number> {
    return this.#after(async () => {
      const [loaded, id] = await Promise.all([text.catch(() => undefined), Promise.resolve(engine).catch(() => undefined)]);
      return loaded === undefined || id === undefined ? 0 : this.#typesetter.restoreCache(loaded, id);
    });
  }

  /** Starts the typesetting worker now, ahead of the first render (which would start it otherwise). */
  prestart(): void {
    this.#typesetter.prestart();
  }

  /**
   * Renders run one after another. A `firstScreen` that would wait behind another render (a lint of
   * the whole document, say) is typeset at once in a second worker, so the reader is not kept waiting.
   */
  render(text: string, options: RenderOptions = {}): Promise<RenderResult> {
    const started = performance.now();
    this.#typesetter.prestart();
    // The front matter's macros over the settings' (README, "Where settings come from").
    const math: MathOptions = documentMath(text, { ...DEFAULT_MATH_OPTIONS, ...options.math });
    const early =
      options.firstScreen && this.#inFlight > 0
        ? this.#renderFirstScreen(text, math, options, options.firstScreen, started, (this.#priority ??= this.#priorityTypesetter()))
        : undefined;
    early?.catch(() => undefined);
    return this.#enqueue(() => this.#render(text, math, options, early));
  }

  /**
   * The document's formulas with MathJax's errors, typeset as `render` typesets them (same queue,
   * same cache) but with no HTML built: what lint needs, at a fraction of a render's cost on a
   * long document, where building the HTML of every block is much of the work. With `compileOnly`,
   * MathJax stops at its compile step (the errors come from there) and no SVG is made; formulas the
   * renderer has already typeset are taken from its cache all the same.
   */
  formulas(text: string, options: Omit<RenderOptions, 'firstScreen'> & { compileOnly?: boolean } = {}): Promise<Formula[]> {
    this.#typesetter.prestart();
    // The front matter's macros over the settings' (README, "Where settings come from").
    const math: MathOptions = documentMath(text, { ...DEFAULT_MATH_OPTIONS, ...options.math });
    return this.#enqueue(async () => {
      options.signal?.throwIfAborted();
      const doc = this.#parses.parse(text, math, options.documentKey);
      const jobs = doc.formulas.map(typesetJobOf);
      return withErrors(
        doc,
        await this.#typesetter.typeset({ ...typesetOptions(math, options), ...(options.compileOnly ? { compileOnly: true } : {}), jobs }),
      );
    });
  }

  /**
   * Several Markdown texts read as one document: a notebook's Markdown cells, in order. Each is
   * parsed on its own (a cell's unclosed fence or `$$` never reaches into the next), and their
   * formulas are typeset in one run, so that equation numbers continue from cell to cell,
   * `\eqref` in one cell shows the number of a `\label` in another and a `\newcommand` applies to
   * the cells after it, as in JupyterLab. A cell's `keys[i]` (its URI, say) shares its parse.
   */
  renderCells(
    texts: readonly string[],
    options: Omit<RenderOptions, 'firstScreen'> & { keys?: readonly string[] } = {},
  ): Promise<CellsResult> {
    const started = performance.now();
    this.#typesetter.prestart();
    const math: MathOptions = { ...DEFAULT_MATH_OPTIONS, ...options.math };
    return this.#enqueue(async () => {
      options.signal?.throwIfAborted();
      const held = texts.map((text, i) => this.#parses.hold(text, math, options.keys?.[i]));
      try {
        const docs = held.map((h) => h.doc);
        const firsts: number[] = [];
        let count = 0;
        for (const doc of docs) {
          firsts.push(count);
          count += doc.formulas.length;
        }
        const jobs = docs.flatMap((doc) => doc.formulas.map(typesetJobOf));
        const typeset = await this.#typesetter.typeset({ ...typesetOptions(math, options), jobs });
        this.#css ??= this.#typesetter.styleSheet();
        const cells = docs.map((doc, c) => {
          const first = firsts[c]!;
          const slice: TypesetResult = { ...typeset, formulas: typeset.formulas.slice(first, first + doc.formulas.length) };
          const blocks = this.#renderBlocks(doc, (i) => slice.formulas[i]?.html ?? '');
          return { html: concat(blocks), formulas: withErrors(doc, slice), headings: headingsOf(doc) };
        });
        return {
          cells,
          css: await this.#css,
          fontDefs: typeset.fontDefs,
          styleRules: typeset.styleRules,
          stats: { ms: performance.now() - started, hits: typeset.stats.hits, misses: typeset.stats.misses },
        };
      } finally {
        for (const h of held) h.release();
      }
    });
  }

  /** Runs `work` after every call made before it. */
  #after<T>(work: () => Promise<T>): Promise<T> {
    return this.#queue.run(work);
  }

  /** `#after`, counted in flight until it ends (a first screen asked for meanwhile goes to the priority worker). */
  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    const run = this.#after(work);
    const done = (): void => {
      this.#inFlight--;
    };
    run.then(done, done);
    return run;
  }

  async #render(text: string, math: MathOptions, options: RenderOptions, early: Promise<void> | undefined): Promise<RenderResult> {
    const started = performance.now();
    options.signal?.throwIfAborted();
    if (early) await early.catch(() => undefined);
    else if (options.firstScreen) await this.#renderFirstScreen(text, math, options, options.firstScreen, started, this.#typesetter);
    // Held: the blocks are made from its tokens after the typesetter's await.
    const { doc, release } = this.#parses.hold(text, math, options.documentKey);
    try {
      const typeset = await this.#typesetter.typeset({ ...typesetOptions(math, options), jobs: doc.formulas.map(typesetJobOf) });
      const mathHtml = (i: number) => typeset.formulas[i]?.html ?? '';
      return await this.#result(doc, typeset, this.#renderBlocks(doc, mathHtml), doc.lineCount, started);
    } finally {
      release();
    }
  }

  /**
   * The provisional result of `FirstScreen`: the text up to a little past the screen, parsed on its
   * own; its formulas on the screen typeset (with any definitions above them) as if the formulas in
   * between were absent, so equation numbers there may still change; the last block left out, as
   * the cut may have split it.
   */
  async #renderFirstScreen(
    text: string,
    math: MathOptions,
    options: RenderOptions,
    screen: FirstScreen,
    started: number,
    typesetter: Typesetter,
  ): Promise<void> {
    const end = firstScreenEnd(text, screen.toLine);
    if (end === undefined) return;
    // Another reader of the document (the editor's math, completion) may have parsed it whole
    // already: its blocks before the cut are the ones wanted, and the text up to there is not
    // parsed a second time (on a long document, the longest part of the first screen's work).
    const whole = options.documentKey === undefined ? undefined : this.#parses.holdParsed(text, math, options.documentKey);
    try {
      const doc = whole?.doc ?? parseMarkdown(text.slice(0, end), math);
      const chosen = doc.formulas.flatMap((f, i) => (f.offset < end && typesetFirst(f, screen) ? [i] : []));
      const typeset = await typesetter.typeset({
        ...typesetOptions(math, options),
        jobs: chosen.map((i) => typesetJobOf(doc.formulas[i]!)),
      });
      const at = new Map(chosen.map((formula, k) => [formula, k]));
      const formulas = {
        ...typeset,
        formulas: doc.formulas.map((f, i) => typeset.formulas[at.get(i) ?? -1] ?? { html: pendingBox(f.tex), cached: false }),
      };
      const mathHtml = (i: number) => formulas.formulas[i]!.html;
      // The prefix's own parse may have cut its last block short: that one is left out.
      const blocks = whole ? this.#renderBlocks(doc, mathHtml, false, end) : this.#renderBlocks(doc, mathHtml, false).slice(0, -1);
      options.signal?.throwIfAborted();
      screen.onResult(await this.#result(doc, formulas, blocks, new SourceLines(text).lineCount, started, typesetter));
    } finally {
      whole?.release();
    }
  }

  async #result(
    doc: ParsedDocument,
    typeset: TypesetResult,
    blocks: RenderedBlock[],
    lineCount: number,
    started: number,
    typesetter = this.#typesetter,
  ): Promise<RenderResult> {
    const formulas = withErrors(doc, typeset);
    this.#css ??= typesetter.styleSheet();
    let html: string | undefined;
    return {
      // Joined on demand: the preview patches blocks and never needs the whole page as one string.
      get html() {
        return (html ??= concat(blocks));
      },
      blocks,
      formulas,
      css: await this.#css,
      fontDefs: typeset.fontDefs,
      styleRules: typeset.styleRules,
      headings: headingsOf(doc),
      lineCount,
      stats: {
        ms: performance.now() - started,
        hits: typeset.stats.hits,
        misses: typeset.stats.misses,
        blocksRendered: this.#blocks.lastRendered,
      },
    };
  }

  dispose(): Promise<void> {
    this.#blocks.clear();
    return Promise.all([this.#typesetter.dispose(), this.#priority?.dispose()]).then(() => undefined);
  }

  /**
   * The document's blocks (with `before`, those that end by that offset), then (with `footnotes`)
   * its footnotes section as one block after the last line.
   */
  #renderBlocks(doc: ParsedDocument, mathHtml: (i: number) => string, footnotes = true, before?: number): RenderedBlock[] {
    const all = topLevelBlocks(doc);
    const blocks = before === undefined ? all : all.filter((b) => b.endOffset <= before);
    const cached = this.#blocks.blocksHtml(doc, blocks, mathHtml, (missing) => renderTemplates(doc, mathHtml, missing));
    const rendered = blocks.map((block, i) =>
      placedBlock(cached[i]!.key, block.startLine, block.endLine, cached[i]!.template, originOf(block), block.formulaIndices),
    );
    const section = footnotes ? footnotesTemplate(doc, mathHtml) : undefined;
    if (section) {
      const { template, origin, formulaIndices } = section;
      rendered.push(placedBlock(this.#hash(templateText(template)), origin.line, origin.line, template, origin, formulaIndices));
    }
    return rendered;
  }
}

/**
 * A block whose HTML is placed each time it is read, not kept: a reader that holds blocks (the
 * preview keeps its last two updates' for the page to ask for) would otherwise keep a flat copy of
 * every block's HTML beside the template it comes from, once the HTML has been sent.
 */
function placedBlock(
  key: string,
  startLine: number,
  endLine: number,
  template: BlockTemplate,
  origin: Origin,
  formulaIndices: number[],
): RenderedBlock {
  return {
    key,
    startLine,
    endLine,
    get html() {
      return placeTemplate(template, origin);
    },
    formulaIndices,
  };
}

/** The parse's formulas, each with MathJax's error if it has one. */
function withErrors(doc: ParsedDocument, typeset: TypesetResult): Formula[] {
  return doc.formulas.map((f, i) => {
    const error = typeset.formulas[i]?.error;
    return error ? { ...f, error: errorInFormula(f, error) } : f;
  });
}

function typesetOptions(math: MathOptions, options: RenderOptions): Omit<TypesetRequest, 'jobs'> {
  return {
    macros: math.macros,
    environments: math.environments,
    packages: math.packages,
    equationNumbers: math.equationNumbers,
    fontCache: options.fontCache ?? 'local',
    assistiveMml: options.assistiveMml ?? false,
    styleClasses: options.styleClasses ?? false,
    signal: options.signal,
  };
}

/**
 * The blocks' HTML as one string. Appending builds V8 rope strings in time proportional to the
 * number of blocks; the characters are copied once, by whoever reads them (as `join` would now).
 */
function concat(blocks: readonly RenderedBlock[]): string {
  let html = '';
  for (const b of blocks) html += b.html;
  return html;
}
