// A notebook Markdown cell painted on its own, before the extension's answer reads it as part of
// the notebook (the notebook's webview runs this: src/browser/notebookPaint.ts). The cell alone
// cannot know what it takes from the cells above it, so what would come out wrong is left out
// rather than shown wrong until the answer replaces it: no automatic equation numbers (they
// continue from earlier cells; an explicit `\tag` is shown), and no paint at all for a cell that
// refers to a label (its number may be another cell's) or whose formulas fail (a macro an earlier
// cell defines, say): such a cell waits for the extension as before.
import type { MathOptions } from '../types';
import type { MathdownRenderer } from './render';

/** The math options of a cell painted alone: the defaults, without automatic numbers. */
export const CELL_PREVIEW_MATH: Partial<MathOptions> = { equationNumbers: 'none' };

/** A reference to a label: TeX's `\ref`/`\eqref` or MyST's {eq} role. */
const REFERENCE = /\\(?:eq)?ref\s*\{|\{(?:eq|numref)\}`/;

export interface CellPreview {
  html: string;
  /** The style sheet the math needs (the same as the extension's for the same typesetter). */
  css: string;
}

/** Whether a cell's paint on its own may stand until the notebook's answer (see the file's comment). */
export function mayPaintAlone(text: string): boolean {
  return !REFERENCE.test(text);
}

/** The cell's HTML on its own, or undefined when it must wait for the notebook (see `mayPaintAlone`, errors). */
export async function cellPreview(renderer: MathdownRenderer, text: string): Promise<CellPreview | undefined> {
  if (!mayPaintAlone(text)) return undefined;
  // Assistive MathML as the extension renders cells: screen readers read it.
  const result = await renderer.renderCells([text], { math: CELL_PREVIEW_MATH, assistiveMml: true });
  const cell = result.cells[0];
  if (!cell || cell.formulas.some((f) => f.error)) return undefined;
  return { html: cell.html, css: result.css };
}
