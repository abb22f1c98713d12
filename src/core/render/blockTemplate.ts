// A block's HTML apart from where the block stands. The numbers in it that depend on its position,
// source lines (data-line) and formula indices (data-formula), are kept apart from the text
// between them and count from the block's first line and first formula. The same block elsewhere
// in the document has the same template, hence the same key, and is placed there without being
// rendered again: this is the one identity of a block, from the core to the preview's DOM.
import { footnoteFormulaIndices, footnotesOf, renderBlocksHtml, renderFootnotes, type Block, type ParsedDocument, type PositionWriter } from '../markdown';

/** Where HTML stands: the first line of its block and the index of the block's first formula. */
export interface Origin {
  readonly line: number;
  readonly formula: number;
}

export interface BlockTemplate {
  /** The HTML between the position numbers: one piece more than there are numbers. */
  readonly pieces: readonly string[];
  /** The position numbers in order, each relative to the origin's line or formula. */
  readonly numbers: readonly PositionNumber[];
  /** The HTML as rendered relative to its origin, in one string: equal for equal templates (the key hashes it). */
  readonly identity: string;
  /** Set when the HTML could not be taken apart (see `renderTemplates`): it then stands only here. */
  readonly fixedAt?: Origin;
}

interface PositionNumber {
  readonly formula: boolean;
  readonly value: number;
}

/**
 * A noncharacter: the renderer writes each position number between two of them, with its kind,
 * so that the numbers can be found again. Text, TeX or an SVG may hold it too; such HTML is
 * recognised by the count of marks and rendered without them.
 */
const MARK = '\uFDD0';
const NUMBER = /^([lf])(-?\d+)$/;
/** Starts the identity of a template made without marks: the two kinds of identity never meet. */
const FIXED = `${MARK}fixed`;

export function originOf(block: Block): Origin {
  return { line: block.startLine, formula: block.formulaIndices[0] ?? 0 };
}

/** The template's HTML standing at `at`. */
export function placeTemplate(template: BlockTemplate, at: Origin): string {
  let html = template.pieces[0]!;
  for (let i = 0; i < template.numbers.length; i++) {
    const n = template.numbers[i]!;
    html += String(n.value + (n.formula ? at.formula : at.line)) + template.pieces[i + 1]!;
  }
  return html;
}

/** Whether the template can stand at `at` (any template can, but one fixed elsewhere). */
export function fitsAt(template: BlockTemplate, at: Origin): boolean {
  return !template.fixedAt || (template.fixedAt.line === at.line && template.fixedAt.formula === at.formula);
}

/** Renders each block as a template (one Marked pass for all, as `renderBlocksHtml`). */
export function renderTemplates(doc: ParsedDocument, mathHtml: (i: number) => string, blocks: readonly Block[]): BlockTemplate[] {
  const marks = new Map(blocks.map((b) => [b, new Marks(originOf(b))]));
  const html = renderBlocksHtml(doc, mathHtml, blocks, { position: (b) => marks.get(b)!.write });
  return blocks.map((b, i) => marks.get(b)!.template(html[i]!) ?? fixedTemplate(originOf(b), (position) => renderBlocksHtml(doc, mathHtml, [b], { position: () => position })[0]!));
}

/** The footnotes section (`renderFootnotes`) as a template with its origin; undefined when there is none. */
export function footnotesTemplate(doc: ParsedDocument, mathHtml: (i: number) => string): { template: BlockTemplate; origin: Origin; formulaIndices: number[] } | undefined {
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

  constructor(private readonly origin: Origin) {}

  readonly write: PositionWriter = (value, kind) => {
    this.#written++;
    return kind === 'line' ? `${MARK}l${value - this.origin.line}${MARK}` : `${MARK}f${value - this.origin.formula}${MARK}`;
  };

  /** The template of HTML written with these marks; undefined when it holds marks of its own. */
  template(html: string): BlockTemplate | undefined {
    const parts = html.split(MARK);
    if (parts.length !== 2 * this.#written + 1) return undefined;
    const pieces: string[] = [];
    const numbers: PositionNumber[] = [];
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) {
        pieces.push(parts[i]!);
        continue;
      }
      const m = NUMBER.exec(parts[i]!);
      if (!m) return undefined;
      numbers.push({ formula: m[1] === 'f', value: Number(m[2]) });
    }
    return { pieces, numbers, identity: html };
  }
}

/** A template for HTML that holds marks of its own: rendered twice, relative (its identity) and in place. */
function fixedTemplate(origin: Origin, render: (position: PositionWriter) => string): BlockTemplate {
  const relative = render((value, kind) => String(value - (kind === 'line' ? origin.line : origin.formula)));
  return { pieces: [render((value) => String(value))], numbers: [], identity: FIXED + relative, fixedAt: origin };
}
