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
