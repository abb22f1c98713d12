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
   * The HTML as rendered relative to its origin, each position number and each formula's place
   * between marks (with `math`, equal for equal templates: the key hashes both, see `templateText`).
   */
  readonly identity: string;
  /**
   * Three integers per mark, in order: where its marked text starts and ends in `identity`, and its
   * value: `3 * n` for a line `n` lines after the origin's, `3 * n + 1` for a formula `n` formulas
   * after the origin's, `3 * k + 2` for the HTML of the block's `k`-th formula (`math[k]`). Small
   * integers: a long document has many.
   */
  readonly numbers: readonly number[];
  /**
   * The typeset HTML of the block's formulas, in the order they stand: the very strings the
   * typesetter returned, so a template holds no copy of them (a long document's blocks are mostly math).
   */
  readonly math: readonly string[];
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
const NUMBER = /^([lfm])(-?\d+)$/;
/** Starts the identity of a template made without marks: the two kinds of identity never meet. */
const FIXED = `${MARK}fixed`;
const NO_NUMBERS: readonly number[] = [];
const NO_MATH: readonly string[] = [];
const LINE = 0;
const FORMULA = 1;
const MATH = 2;
/** Where a formula's HTML stands in an identity. */
const MATH_MARK = `${MARK}m${MARK}`;

export function originOf(block: Block): Origin {
  return { line: block.startLine, formula: block.formulaIndices[0] ?? 0 };
}

/** The template's HTML standing at `at`. */
export function placeTemplate(template: BlockTemplate, at: Origin): string {
  if (template.fixed) return template.fixed.html;
  const { identity, numbers, math } = template;
  let html = '';
  let from = 0;
  for (let i = 0; i < numbers.length; i += 3) {
    const value = numbers[i + 2]!;
    const kind = ((value % 3) + 3) % 3;
    const n = (value - kind) / 3;
    html += identity.slice(from, numbers[i]) + (kind === MATH ? math[n]! : String(n + (kind === FORMULA ? at.formula : at.line)));
    from = numbers[i + 1]!;
  }
  return html + identity.slice(from);
}

/** What a template's key hashes: its identity and its formulas' HTML, joined so that no two templates give the same text. */
export function templateText(template: BlockTemplate): string {
  let text = `${template.identity.length}:${template.identity}`;
  for (const html of template.math) text += `${html.length}:${html}`;
  return text;
}

/** Whether the template can stand at `at` (any template can, but one fixed elsewhere). */
export function fitsAt(template: BlockTemplate, at: Origin): boolean {
  return !template.fixed || (template.fixed.at.line === at.line && template.fixed.at.formula === at.formula);
}

/** Renders each block as a template (one Marked pass for all, as `renderBlocksHtml`). */
export function renderTemplates(doc: ParsedDocument, mathHtml: (i: number) => string, blocks: readonly Block[]): BlockTemplate[] {
  const marks = new Map(blocks.map((b) => [b, new Marks(originOf(b))]));
  const slots = new FormulaSlots(mathHtml);
  const html = renderBlocksHtml(doc, slots.write, blocks, { position: (b) => marks.get(b)!.write });
  return blocks.map(
    (b, i) =>
      marks.get(b)!.template(html[i]!, slots, b.formulaIndices) ??
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
  const slots = new FormulaSlots(mathHtml);
  const html = renderFootnotes(doc, slots.write, marks.write);
  if (!html) return undefined;
  const template =
    marks.template(html, slots, formulaIndices) ?? fixedTemplate(origin, (position) => renderFootnotes(doc, mathHtml, position));
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

  /**
   * The template of HTML written with these marks and `slots`, for a block whose formulas are `own`;
   * undefined when it holds marks of its own.
   */
  template(html: string, slots: FormulaSlots, own: readonly number[]): BlockTemplate | undefined {
    if (!html.includes(MARK)) return this.#written === 0 ? { identity: html, numbers: NO_NUMBERS, math: NO_MATH } : undefined;
    const numbers: number[] = [];
    const math: string[] = [];
    // The identity names no formula by its index in the document: a block that moved keeps it.
    let identity = '';
    let positions = 0;
    let from = 0;
    for (;;) {
      const open = html.indexOf(MARK, from);
      if (open < 0) break;
      const close = html.indexOf(MARK, open + 1);
      const m = close < 0 ? null : NUMBER.exec(html.slice(open + 1, close));
      if (!m) return undefined;
      const n = Number(m[2]);
      identity += html.slice(from, open);
      const start = identity.length;
      if (m[1] === 'm') {
        const formula = own.includes(n) ? slots.take(n) : undefined;
        if (formula === undefined) return undefined;
        identity += MATH_MARK;
        numbers.push(start, identity.length, 3 * math.length + MATH);
        math.push(formula);
      } else {
        positions++;
        identity += html.slice(open, close + 1);
        numbers.push(start, identity.length, 3 * n + (m[1] === 'f' ? FORMULA : LINE));
      }
      from = close + 1;
    }
    identity += html.slice(from);
    return positions === this.#written ? { identity, numbers, math } : undefined;
  }
}

/**
 * Writes each formula as a mark naming it, so that a template keeps the formula's HTML apart (see
 * `BlockTemplate.math`). A mark is taken once, by the template it stands in: a mark in the text
 * itself, or one seen twice, makes that block's HTML stand as written (a fixed template).
 */
class FormulaSlots {
  readonly #written = new Map<number, boolean>();
  readonly #mathHtml: (i: number) => string;

  constructor(mathHtml: (i: number) => string) {
    this.#mathHtml = mathHtml;
  }

  readonly write = (i: number): string => {
    // A formula written twice is never taken (see `take`).
    this.#written.set(i, !this.#written.has(i));
    return `${MARK}m${i}${MARK}`;
  };

  /** The HTML of formula `i`, if its mark was written once and not taken yet. */
  take(i: number): string | undefined {
    if (this.#written.get(i) !== true) return undefined;
    this.#written.set(i, false);
    return this.#mathHtml(i);
  }
}

/** A template for HTML that holds marks of its own: rendered twice, relative (its identity) and in place. */
function fixedTemplate(origin: Origin, render: (position: PositionWriter) => string): BlockTemplate {
  const relative = render((value, kind) => String(value - (kind === 'line' ? origin.line : origin.formula)));
  return { identity: FIXED + relative, numbers: NO_NUMBERS, math: NO_MATH, fixed: { at: origin, html: render((value) => String(value)) } };
}
