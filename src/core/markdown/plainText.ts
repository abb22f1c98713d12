import { decodeHTML } from 'entities/decode';
import type { Token } from 'marked';
import { isMathToken } from './mathToken';

/**
 * The text a reader sees in inline tokens (tags dropped): heading slugs and image alt text, with
 * each formula as its TeX; page titles, with each formula as written (`math: 'source'`, `$x$`).
 */
export function plainText(tokens: readonly Token[], math: 'tex' | 'source' = 'tex'): string {
  let out = '';
  for (const token of tokens) {
    if (isMathToken(token)) out += math === 'tex' ? token.tex : token.raw;
    else if (token.type === 'html' || token.type === 'checkbox') continue;
    else if (token.type === 'br') out += ' ';
    else if (token.type === 'codespan') out += token.text;
    else if ('tokens' in token && token.tokens) out += plainText(token.tokens, math);
    else if ('text' in token && typeof token.text === 'string') out += decodeHTML(token.text);
  }
  return out;
}
