import type { Token, Tokens } from 'marked';
import { footnotesOf, type Footnote } from './footnotes';
import { headingIdsOf } from './headings';
import { HtmlSanitizer } from './htmlSanitizer';
import { renderingMarked, writePosition, type BackrefsField, type PositionWriter } from './htmlRenderer';
import type { ParsedDocument } from './parsedDocument';
import { tokensOfBlock, type Block } from './topLevelBlocks';
import { escapeHtml } from '../../shared/escapeHtml';

export interface RenderHtmlOptions {
  /** Emit `data-line` and `class="code-line"` on block elements (default true). */
  dataLine?: boolean;
  /** Render only this block (one of `topLevelBlocks(doc)`); the blocks' HTML joined equals the whole render. */
  block?: Block;
}

/**
 * Renders the parsed tokens to HTML. `mathHtml(i)` returns the already-typeset HTML for
 * `doc.formulas[i]` (SVG or error box); the renderer wraps it in its math element. The whole
 * document ends with its footnotes section (`renderFootnotes`).
 */
export function renderHtml(doc: ParsedDocument, mathHtml: (formulaIndex: number) => string, options: RenderHtmlOptions = {}): string {
  const sanitizer = new HtmlSanitizer();
  const marked = renderingMarked({
    mathHtml,
    dataLine: options.dataLine ?? true,
    position: writePosition,
    sanitizer,
    headingIds: headingIdsOf(doc.tokens),
    footnotes: footnotesOf(doc.tokens),
  });
  if (options.block) return marked.parser(tokensOfBlock(doc, options.block)) + sanitizer.closeAll();
  return marked.parser(doc.tokens) + sanitizer.closeAll() + renderFootnotes(doc, mathHtml);
}

export interface RenderBlocksOptions extends Omit<RenderHtmlOptions, 'block'> {
  /** How each block writes its position numbers (default: as they are). */
  position?: (block: Block) => PositionWriter;
}

/**
 * Renders each of `blocks` (from `topLevelBlocks(doc)`) on its own, with one Marked instance for
 * all of them; each block's HTML is balanced, and joined (with `renderFootnotes` after them) they
 * equal `renderHtml(doc, mathHtml)`.
 */
export function renderBlocksHtml(
  doc: ParsedDocument,
  mathHtml: (formulaIndex: number) => string,
  blocks: readonly Block[],
  options: RenderBlocksOptions = {},
): string[] {
  let sanitizer = new HtmlSanitizer();
  let position = writePosition;
  const marked = renderingMarked({
    mathHtml,
    dataLine: options.dataLine ?? true,
    get position() {
      return position;
    },
    get sanitizer() {
      return sanitizer;
    },
    headingIds: headingIdsOf(doc.tokens),
    footnotes: footnotesOf(doc.tokens),
  });
  return blocks.map((block) => {
    sanitizer = new HtmlSanitizer();
    position = options.position?.(block) ?? writePosition;
    return marked.parser(tokensOfBlock(doc, block)) + sanitizer.closeAll();
  });
}

/**
 * The footnotes section that ends the document as on GitHub: the referenced definitions in the
 * order of their numbers, each with back-links to its references; empty without references. It
 * carries no `data-line`: it stands after the last line, out of the source's order.
 */
export function renderFootnotes(
  doc: ParsedDocument,
  mathHtml: (formulaIndex: number) => string,
  position: PositionWriter = writePosition,
): string {
  const footnotes = footnotesOf(doc.tokens);
  if (footnotes.notes.length === 0) return '';
  const sanitizer = new HtmlSanitizer();
  const marked = renderingMarked({ mathHtml, dataLine: false, position, sanitizer, headingIds: headingIdsOf(doc.tokens), footnotes });
  const items = footnotes.notes.map((note) => {
    const html = marked.parser(withBackrefs(note)) + sanitizer.closeAll();
    return `<li id="${escapeHtml(note.id)}">\n${html}</li>\n`;
  });
  return `<section class="footnotes" data-footnotes>\n<h2 class="sr-only">Footnotes</h2>\n<ol>\n${items.join('')}</ol>\n</section>\n`;
}

/** The note's blocks with its back-links at the end of its last paragraph (or in one of their own). */
function withBackrefs(note: Footnote): Token[] {
  const links = note.refIds
    .map((id, i) => {
      const idx = i === 0 ? `${note.number}` : `${note.number}-${i + 1}`;
      const sup = i === 0 ? '' : `<sup class="footnote-ref">${i + 1}</sup>`;
      return `<a href="#${escapeHtml(id)}" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="${idx}" aria-label="Back to reference ${idx}">↩${sup}</a>`;
    })
    .join(' ');
  const tokens = note.def.tokens.filter((t) => t.type !== 'space');
  const last = tokens.at(-1);
  if (last?.type === 'paragraph')
    return [...tokens.slice(0, -1), { ...(last as Tokens.Paragraph), footnoteBackrefs: links } satisfies Tokens.Paragraph & BackrefsField];
  return [
    ...tokens,
    { type: 'paragraph', raw: '', text: '', tokens: [], footnoteBackrefs: links } satisfies Tokens.Paragraph & BackrefsField,
  ];
}
