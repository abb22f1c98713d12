import { BlockHtmlCache } from './blockHtmlCache';
import { parseMarkdown, renderBlocksHtml, topLevelBlocks, type ParsedDocument } from './markdown';
import { Typesetter, type TypesetterOptions } from './math/typesetter';
import { DEFAULT_MATH_OPTIONS, type Formula, type MathOptions } from './types';

export interface RenderOptions {
  math?: Partial<MathOptions>;
  fontCache?: 'local' | 'global' | 'none';
  assistiveMml?: boolean;
  signal?: AbortSignal;
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
  #css: Promise<string> | undefined;

  constructor(options: TypesetterOptions = {}) {
    this.#typesetter = new Typesetter(options);
  }

  get cacheStats() {
    return this.#typesetter.cacheStats;
  }

  async render(text: string, options: RenderOptions = {}): Promise<RenderResult> {
    const started = performance.now();
    const math: MathOptions = { ...DEFAULT_MATH_OPTIONS, ...options.math };
    const doc = parseMarkdown(text, math);
    const typeset = await this.#typesetter.typeset({
      jobs: doc.formulas.map((f) => ({ tex: f.tex, display: f.display })),
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
    return {
      html: blocks.map((b) => b.html).join(''),
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
    return this.#typesetter.dispose();
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

