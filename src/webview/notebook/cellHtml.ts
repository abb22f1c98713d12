// Which HTML a shown Markdown cell gets. The extension sends the HTML of every Markdown cell in
// notebook order, but the webview knows a cell only by its text (VS Code's renderer hands
// `md.render` the text), and two cells with the same text need not have the same HTML: numbers
// continue across cells, so the second of two identical `\begin{equation}` cells shows (2), and a
// `\newcommand` above one of them may change it. So cells are matched by place as well as by text:
// the shown cells, taken in the order they stand in the notebook, each take the next cell of the
// notebook with their text.
import type { CellHtml } from '../../shared/notebook/messages';

export class CellHtmlTable {
  #cells: readonly CellHtml[] = [];
  /** For each text, the indexes of the cells with it, in notebook order. */
  readonly #byText = new Map<string, number[]>();

  set(cells: readonly CellHtml[]): void {
    this.#cells = cells;
    this.#byText.clear();
    cells.forEach((cell, i) => {
      const list = this.#byText.get(cell.text);
      if (list) list.push(i);
      else this.#byText.set(cell.text, [i]);
    });
  }

  has(text: string): boolean {
    return this.#byText.has(text);
  }

  /** The HTML of a cell known by its text alone: the first cell's with that text (`assign` places it). */
  forText(text: string): string | undefined {
    const list = this.#byText.get(text);
    return list ? this.#cells[list[0]!]!.html : undefined;
  }

  /** The HTML of each shown cell, `texts` in notebook order (cells not shown may be missing in between). */
  assign(texts: readonly string[]): (string | undefined)[] {
    let next = 0;
    return texts.map((text) => {
      const list = this.#byText.get(text);
      if (!list) return undefined;
      // A cell of a run of shown cells takes the first cell with its text after the previous one's.
      const i = list.find((k) => k >= next) ?? list[0]!;
      next = i + 1;
      return this.#cells[i]!.html;
    });
  }
}
