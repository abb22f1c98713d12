import { createHash } from 'node:crypto';
import { parseMarkdown, renderHtml, topLevelBlocks } from './markdown';
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
  stats: { ms: number; hits: number; misses: number };
}

/**
 * The one path from Markdown text to typeset HTML (data-flow.md): Marked with the math extensions
 * finds the formulas, the typesetter turns them into SVG (cache first, then its worker), and the
 * Marked renderer places each formula's HTML at its token. Preview, export, CLI, lint and hover
 * all call this.
 */
export class MathdownRenderer {
  readonly #typesetter: Typesetter;
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
    const blocks = renderBlocks(doc, mathHtml);
    this.#css ??= this.#typesetter.styleSheet();
    return {
      html: blocks.map((b) => b.html).join(''),
      blocks,
      formulas,
      css: await this.#css,
      fontDefs: typeset.fontDefs,
      lineCount: doc.lineCount,
      stats: { ms: performance.now() - started, hits: typeset.stats.hits, misses: typeset.stats.misses },
    };
  }

  dispose(): Promise<void> {
    return this.#typesetter.dispose();
  }
}

function renderBlocks(doc: ReturnType<typeof parseMarkdown>, mathHtml: (i: number) => string): RenderedBlock[] {
  return topLevelBlocks(doc).map((block) => {
    const html = renderHtml(doc, mathHtml, { block });
    return {
      key: createHash('sha1').update(html).digest('base64url'),
      startLine: block.startLine,
      endLine: block.endLine,
      html,
      formulaIndices: block.formulaIndices,
    };
  });
}
