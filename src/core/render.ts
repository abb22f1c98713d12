import { BlockHtmlCache } from './blockHtmlCache';
import { parseMarkdown, renderBlocksHtml, topLevelBlocks, type ParsedDocument } from './markdown';
import { reparseMarkdown } from './markdown/reparseMarkdown';
import { Typesetter, type TypesetterOptions } from './math/typesetter';
import { DEFAULT_MATH_OPTIONS, type Formula, type MathOptions } from './types';

export interface RenderOptions {
  math?: Partial<MathOptions>;
  fontCache?: 'local' | 'global' | 'none';
  assistiveMml?: boolean;
  signal?: AbortSignal;
  /**
   * Identifies the document (e.g. its URI) across renders: the renderer then re-lexes only the
   * region an edit touched, reusing the tokens of the previous render of the same document.
   */
  documentKey?: string;
}

export interface RenderedBlock {
  /** Equal keys mean identical HTML: the preview sends and patches only blocks whose key changed. */
  key: string;
  startLine: number;
  endLine: number;
  html: string;
  formulaIndices: number[];
}

export interface RenderResult {
  html: string;
  blocks: RenderedBlock[];
  formulas: Formula[];
  css: string;
  fontDefs: string;
  lineCount: number;
  /** `blocksRendered`: blocks whose HTML was built in this render; the others came from earlier renders. */
  stats: { ms: number; hits: number; misses: number; blocksRendered: number };
}

/**
 * The one path from Markdown text to typeset HTML (data-flow.md): Marked with the math extensions
 * finds the formulas, the typesetter turns them into SVG (cache first, then its worker), and the
 * Marked renderer places each formula's HTML at its token. Preview, export, CLI, lint and hover
 * all call this.
 */
export class MathdownRenderer {
  readonly #typesetter: Typesetter;
  readonly #blocks = new BlockHtmlCache();
  /** The last parse of each keyed document (a few), for incremental re-lexing. */
  readonly #parsed = new Map<string, ParsedDocument>();
  /** Renders run one after another: a re-lex reuses (and re-positions) the previous render's tokens. */
  #queue: Promise<unknown> = Promise.resolve();
  #css: Promise<string> | undefined;

  constructor(options: TypesetterOptions = {}) {
    this.#typesetter = new Typesetter(options);
  }

  get cacheStats() {
    return this.#typesetter.cacheStats;
  }

  render(text: string, options: RenderOptions = {}): Promise<RenderResult> {
    const run = this.#queue.then(() => this.#render(text, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #render(text: string, options: RenderOptions): Promise<RenderResult> {
    const started = performance.now();
    options.signal?.throwIfAborted();
    const math: MathOptions = { ...DEFAULT_MATH_OPTIONS, ...options.math };
    const doc = this.#parse(text, math, options.documentKey);
    const typeset = await this.#typesetter.typeset({
      jobs: doc.formulas,
      macros: math.macros,
      equationNumbers: math.equationNumbers,
      fontCache: options.fontCache ?? 'local',
      assistiveMml: options.assistiveMml ?? false,
      signal: options.signal,
    });
    const formulas = doc.formulas.map((f, i) => {
      const error = typeset.formulas[i]?.error;
      return error ? { ...f, error } : f;
    });
    const mathHtml = (i: number) => typeset.formulas[i]?.html ?? '';
    const blocks = this.#renderBlocks(doc, mathHtml);
    this.#css ??= this.#typesetter.styleSheet();
    let html: string | undefined;
    return {
      // Joined on demand: the preview patches blocks and never needs the whole page as one string.
      get html() { return (html ??= concat(blocks)); },
      blocks,
      formulas,
      css: await this.#css,
      fontDefs: typeset.fontDefs,
      lineCount: doc.lineCount,
      stats: { ms: performance.now() - started, hits: typeset.stats.hits, misses: typeset.stats.misses, blocksRendered: this.#blocks.lastRendered },
    };
  }

  dispose(): Promise<void> {
    this.#blocks.clear();
    this.#parsed.clear();
    return this.#typesetter.dispose();
  }

  #parse(text: string, math: MathOptions, key: string | undefined): ParsedDocument {
    if (key === undefined) return parseMarkdown(text, math);
    const previous = this.#parsed.get(key);
    this.#parsed.delete(key);
    const doc = reparseMarkdown(previous, text, math);
    this.#parsed.set(key, doc);
    if (this.#parsed.size > 8) this.#parsed.delete(this.#parsed.keys().next().value!);
    return doc;
  }

  #renderBlocks(doc: ParsedDocument, mathHtml: (i: number) => string): RenderedBlock[] {
    const blocks = topLevelBlocks(doc);
    const html = this.#blocks.blocksHtml(doc, blocks, mathHtml, (missing) => renderBlocksHtml(doc, mathHtml, missing));
    return blocks.map((block, i) => ({
      key: html[i]!.hash,
      startLine: block.startLine,
      endLine: block.endLine,
      html: html[i]!.html,
      formulaIndices: block.formulaIndices,
    }));
  }
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
