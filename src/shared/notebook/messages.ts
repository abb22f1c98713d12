// The messages between Mathdown's notebook renderer (src/webview/notebook, inside the notebook's
// webview) and the extension (src/vscode/notebook), through VS Code's renderer messaging.

/** The id of the renderer in package.json's `contributes.notebookRenderer`. */
export const NOTEBOOK_RENDERER_ID = 'mathdown.notebookMath';

/** Renderer → extension: a Markdown cell with this text is being shown and has no HTML yet. */
export interface CellRequest {
  type: 'render';
  text: string;
}

/** One Markdown cell's HTML, as the notebook renders it (numbers and macros of the cells before it applied). */
export interface CellHtml {
  text: string;
  html: string;
}

/**
 * Extension → renderer: the HTML of the notebook's Markdown cells (sent for the whole notebook after
 * any change, so that cells after an edited, moved or deleted one show their new numbers), the CSS
 * the math needs, and whether Mathdown renders cells at all (`mathdown.notebook.renderer`).
 */
export interface CellsUpdate {
  type: 'cells';
  enabled: boolean;
  css: string;
  cells: CellHtml[];
  /**
   * When the extension did each step of this update (`Date.now()`, by step name): read by the
   * notebook bench (scripts/bench/vscodeNotebook.mjs) through the webview's phase record.
   */
  phases?: Record<string, number>;
}

/** What one shown cell holds, as the renderer reports it after updating the webview (read by the integration tests). */
export interface ShownCell {
  text: string;
  /** MathJax SVG formulas, KaTeX formulas, and the equation numbers (tags and references) in order. */
  svg: number;
  katex: number;
  numbers: string[];
  /** Painted by the webview on its own (no automatic numbers yet): the extension's HTML is still to come. */
  local: boolean;
}

/** Renderer → extension: the Mathdown cells shown in the webview (in notebook order) after an update or a cell drawn. */
export interface CellsShown {
  type: 'shown';
  cells: ShownCell[];
}

/**
 * Renderer → extension: a reference to the element `id` (MathJax's `mjx-eqn:label`) was clicked
 * and the webview could not scroll to it (its cell is not drawn): the extension reveals the cell.
 */
export interface RevealRequest {
  type: 'reveal';
  id: string;
}

/** Extension → renderer, test hook: click the first element matching `selector` in the Mathdown cells (in notebook order), as the reader would. */
export interface TestClick {
  type: 'testClick';
  selector: string;
}

export type ToExtension = CellRequest | CellsShown | RevealRequest;
export type ToRenderer = CellsUpdate | TestClick;
