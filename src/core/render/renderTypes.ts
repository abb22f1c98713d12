// The renderer's options and results, apart from the renderer so that its helpers can name them.
import type { Heading } from '../markdown/headings';
import type { ParseCache } from '../markdown/parseCache';
import type { TypesetterOptions } from '../typeset/typesetter';
import type { Formula, MathOptions } from '../types';

export interface MathdownRendererOptions extends TypesetterOptions {
  /**
   * Makes a block's key from its HTML (`RenderedBlock.key`): equal keys must mean equal HTML, so a
   * cryptographic hash. It reads the HTML of every block a render builds, so a host with a native
   * hash passes it (src/node uses node:crypto); the default is the core's own SHA-256.
   */
  hash?: (html: string) => string;
  /** The parses of keyed documents, shared with their other readers (lint, completion, hover); the renderer's own by default. */
  parses?: ParseCache;
}

export interface RenderOptions {
  math?: Partial<MathOptions>;
  fontCache?: 'local' | 'global' | 'none';
  assistiveMml?: boolean;
  /** Style attributes of the math as classes, their CSS in the result's `styleRules` (for pages without inline styles). */
  styleClasses?: boolean;
  signal?: AbortSignal;
  /**
   * Identifies the document (e.g. its URI) across renders and its other readers: its parse is
   * shared through the renderer's `ParseCache`, and a new version is re-lexed only in the region
   * an edit touched, reusing the tokens of the previous parse of the same document.
   */
  documentKey?: string;
  /** Typeset what the reader sees first and report it before the rest (see `FirstScreen`). */
  firstScreen?: FirstScreen;
}

export interface RenderedBlock {
  /**
   * Equal keys mean identical HTML but for where the block stands (its data-line and data-formula
   * numbers, counted from `startLine` and its first formula): a block that only moved keeps its
   * key, and the preview moves it instead of sending it again (blockTemplate.ts).
   */
  key: string;
  startLine: number;
  endLine: number;
  /** Placed when read (each read makes it anew): keep the block, not its HTML. */
  readonly html: string;
  formulaIndices: number[];
}

export interface RenderResult {
  html: string;
  blocks: RenderedBlock[];
  formulas: Formula[];
  css: string;
  fontDefs: string;
  /** With `styleClasses`: the CSS rules of the classes the math uses; '' otherwise. */
  styleRules: string;
  /** The document's headings, with the ids the HTML gives them. */
  headings: readonly Heading[];
  lineCount: number;
  /** `blocksRendered`: blocks whose HTML was built in this render; the others came from earlier renders. */
  stats: { ms: number; hits: number; misses: number; blocksRendered: number };
}

/** The part of a document a reader sees first, as 0-based lines (`toLine` exclusive). */
export interface FirstScreen {
  fromLine: number;
  toLine: number;
  /**
   * Called before the full result, with a provisional one covering the document up to a little
   * past `toLine`: formulas on those lines typeset, the others shown as their TeX (`pendingBox`).
   * Not called when the document ends near `toLine` anyway.
   */
  onResult: (result: RenderResult) => void;
}

/** `renderCells`: each text's HTML and formulas (indices local to the text), typeset as one document. */
export interface CellsResult {
  cells: Array<{ html: string; formulas: Formula[]; headings: readonly Heading[] }>;
  css: string;
  fontDefs: string;
  styleRules: string;
  stats: { ms: number; hits: number; misses: number };
}
