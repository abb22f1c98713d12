import { Tokenizer, type Tokens } from 'marked';
import { findHtmlMathSpans, type ScanOptions } from '../scanner/scanner';
import { mathToken } from './mathExtensions';

/**
 * Marked's HTML block tokenizer, plus the formulas in the block's text (`<div>$$…$$</div>`) as
 * child tokens between HTML pieces, for documents written for MathJax-based sites.
 */
export function htmlBlockMath(tokenizer: Tokenizer, src: string, options: ScanOptions): Tokens.HTML | undefined {
  const token = Tokenizer.prototype.html.call(tokenizer, src);
  if (!token) return token;
  const spans = findHtmlMathSpans(token.text, options);
  if (spans.length === 0) return token;
  const pieces: Tokens.Generic[] = [];
  let from = 0;
  const html = (text: string): void => {
    if (text) pieces.push({ type: 'html', raw: text, text, block: false, pre: false, inLink: false, inRawBlock: false });
  };
  for (const span of spans) {
    html(token.text.slice(from, span.start));
    pieces.push(mathToken(token.text.slice(span.start, span.end), span, span.start, false));
    from = span.end;
  }
  html(token.text.slice(from));
  return Object.assign(token, { tokens: pieces });
}
