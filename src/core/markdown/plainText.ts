import { decodeHTML } from 'entities/decode';
import type { Token } from 'marked';
import { isMathToken } from './mathToken';

/** The text a reader sees in inline tokens (formulas as their TeX, tags dropped): heading slugs, image alt text. */
export function plainText(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (isMathToken(token)) out += token.tex;
    else if (token.type === 'html' || token.type === 'checkbox') continue;
    else if (token.type === 'br') out += ' ';
    else if (token.type === 'codespan') out += token.text;
    else if ('tokens' in token && token.tokens) out += plainText(token.tokens);
    else if ('text' in token && typeof token.text === 'string') out += decodeHTML(token.text);
  }
  return out;
}
