import { headingIdsOf } from './headingIds';
import { HtmlSanitizer } from './htmlSanitizer';
import { renderingMarked } from './htmlRenderer';
import type { ParsedDocument } from './parsedDocument';
import { tokensOfBlock, type Block } from './topLevelBlocks';

export interface RenderHtmlOptions {
  /** Emit `data-line` and `class="code-line"` on block elements (default true). */
  dataLine?: boolean;
  /** Render only this block (one of `topLevelBlocks(doc)`); the blocks' HTML joined equals the whole render. */
  block?: Block;
}

/**
 * Renders the parsed tokens to HTML. `mathHtml(i)` returns the already-typeset HTML for
 * `doc.formulas[i]` (SVG or error box); the renderer wraps it in its math element.
 */
export function renderHtml(doc: ParsedDocument, mathHtml: (formulaIndex: number) => string, options: RenderHtmlOptions = {}): string {
  const sanitizer = new HtmlSanitizer();
  const marked = renderingMarked({
    mathHtml,
    dataLine: options.dataLine ?? true,
    sanitizer,
    headingIds: headingIdsOf(doc.tokens),
  });
  const tokens = options.block ? tokensOfBlock(doc, options.block) : doc.tokens;
  return marked.parser(tokens) + sanitizer.closeAll();
}

/**
 * Renders each of `blocks` (from `topLevelBlocks(doc)`) on its own, with one Marked instance for
 * all of them; each block's HTML is balanced, and joined they equal `renderHtml(doc, mathHtml)`.
 */
export function renderBlocksHtml(doc: ParsedDocument, mathHtml: (formulaIndex: number) => string, blocks: readonly Block[], options: Omit<RenderHtmlOptions, 'block'> = {}): string[] {
  let sanitizer = new HtmlSanitizer();
  const marked = renderingMarked({
    mathHtml,
    dataLine: options.dataLine ?? true,
    get sanitizer() { return sanitizer; },
    headingIds: headingIdsOf(doc.tokens),
  });
  return blocks.map((block) => {
    sanitizer = new HtmlSanitizer();
    return marked.parser(tokensOfBlock(doc, block)) + sanitizer.closeAll();
  });
}
