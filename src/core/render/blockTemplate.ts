// A block's HTML apart from where the block stands. The numbers in it that depend on its position,
// source lines (data-line) and formula indices (data-formula), count from the block's first line
// and first formula and are marked, so that the HTML can be placed anywhere. The same block
// elsewhere in the document has the same template, hence the same key, and is placed there without
// being rendered again: this is the one identity of a block, from the core to the preview's DOM.
import {
  footnoteFormulaIndices,
  footnotesOf,
  renderBlocksHtml,
  renderFootnotes,
  type Block,
  type ParsedDocument,
  type PositionWriter,
} from '../markdown';

/** Where HTML stands: the first line of its block and the index of the block's first formula. */
export interface Origin {
  readonly line: number;
  readonly formula: number;
}

export interface BlockTemplate {
  /**
   * The HTML as rendered relative to its origin, each position number between marks: equal for
   * equal templates (the key hashes it).
   */
  readonly identity: string;
  /**
   * Three integers per position number, in order: where its marked text starts and ends in
   * `identity`, and its value, `2 * n` for a line `n` lines after the origin's, `2 * n + 1` for a
   * formula `n` formulas after the origin's (kept as small integers: a long document has many).
   */
  readonly numbers: readonly number[];
  /** Set when the HTML could not be taken apart (see `renderTemplates`): it then stands only here. */
  readonly fixed?: { readonly at: Origin; readonly html: string };
}

/**
 * The renderer writes each position number between two marks, with its kind, so that the numbers
 * can be found again. A control character that text hardly ever holds, and one of Latin-1, so that
 * the HTML of a block stays a one-byte string (a character beyond Latin-1 would double its size in
 * memory). Text, TeX or an SVG may hold it too; such HTML is recognised by the count of marks and
 * rendered without them.
 */
export const MARK = '\u0001';
const NUMBER = /^([lf])(-?\d+)$/;
/** Starts the identity of a template made without marks: the two kinds of identity never meet. */
const FIXED = `${MARK}fixed`;
const NO_NUMBERS: readonly number[] = [];

export function originOf(block: Block): Origin {
  return { line: block.startLine, formula: block.formulaIndices[0] ?? 0 };
}

/** The template's HTML standing at `at`. */
export function placeTemplate(template: BlockTemplate, at: Origin): string {
  if (template.fixed) return template.fixed.html;
  const { identity, numbers } = template;
  let html = '';
  let from = 0;
  for (let i = 0; i < numbers.length; i += 3) {
    const value = numbers[i + 2]!;
    const formula = value & 1;
    html += identity.slice(from, numbers[i]) + String((value - formula) / 2 + (formula ? at.formula : at.line));
    from = numbers[i + 1]!;
  }
  return html + identity.slice(from);
}

/** Whether the template can stand at `at` (any template can, but one fixed elsewhere). */
export function fitsAt(template: BlockTemplate, at: Origin): boolean {
  return !template.fixed || (template.fixed.at.line === at.line && template.fixed.at.formula === at.formula);
}

/** Renders each block as a template (one Marked pass for all, as `renderBlocksHtml`). */
export function renderTemplates(doc: ParsedDocument, mathHtml: (i: number) => string, blocks: readonly Block[]): BlockTemplate[] {
  const marks = new Map(blocks.map((b) => [b, new Marks(originOf(b))]));
  const html = renderBlocksHtml(doc, mathHtml, blocks, { position: (b) => marks.get(b)!.write });
  return blocks.map(
    (b, i) =>
      marks.get(b)!.template(html[i]!) ??
      fixedTemplate(originOf(b), (position) => renderBlocksHtml(doc, mathHtml, [b], { position: () => position })[0]!),
  );
}

/** The footnotes section (`renderFootnotes`) as a template with its origin; undefined when there is none. */
export function footnotesTemplate(
  doc: ParsedDocument,
  mathHtml: (i: number) => string,
): { template: BlockTemplate; origin: Origin; formulaIndices: number[] } | undefined {
  const formulaIndices = footnoteFormulaIndices(footnotesOf(doc.tokens));
  const origin = { line: doc.lineCount, formula: formulaIndices[0] ?? 0 };
  const marks = new Marks(origin);
  const html = renderFootnotes(doc, mathHtml, marks.write);
  if (!html) return undefined;
  const template = marks.template(html) ?? fixedTemplate(origin, (position) => renderFootnotes(doc, mathHtml, position));
  return { template, origin, formulaIndices };
}

/** Writes a block's position numbers as marks, relative to its origin, and counts them. */
class Marks {
  #written = 0;

  readonly #origin: Origin;

  constructor(origin: Origin) {
    this.#origin = origin;
  }

  readonly write: PositionWriter = (value, kind) => {
    this.#written++;
    return kind === 'line' ? `${MARK}l${value - this.#origin.line}${MARK}` : `${MARK}f${value - this.#origin.formula}${MARK}`;
  };

  /** The template of HTML written with these marks; undefined when it holds marks of its own. */
  template(html: string): BlockTemplate | undefined {
    if (this.#written === 0) return html.includes(MARK) ? undefined : { identity: html, numbers: NO_NUMBERS };
    const numbers = new Array<number>(3 * this.#written);
    let from = 0;
    for (let i = 0; i < numbers.length; i += 3) {
      const open = html.indexOf(MARK, from);
      const close = open < 0 ? -1 : html.indexOf(MARK, open + 1);
      const m = close < 0 ? null : NUMBER.exec(html.slice(open + 1, close));
      if (!m) return undefined;
      numbers[i] = open;
      numbers[i + 1] = close + 1;
      numbers[i + 2] = 2 * Number(m[2]) + (m[1] === 'f' ? 1 : 0);
      from = close + 1;
    }
    return html.includes(MARK, from) ? undefined : { identity: html, numbers };
  }
}

/** A template for HTML that holds marks of its own: rendered twice, relative (its identity) and in place. */
function fixedTemplate(origin: Origin, render: (position: PositionWriter) => string): BlockTemplate {
  const relative = render((value, kind) => String(value - (kind === 'line' ? origin.line : origin.formula)));
  return { identity: FIXED + relative, numbers: NO_NUMBERS, fixed: { at: origin, html: render((value) => String(value)) } };
}
