import { LiteParser } from 'mathjax-full/js/adaptors/lite/Parser.js';
import { escapeAttribute } from '../../shared/escapeHtml';
import { installStatelessUnicode } from './mathjaxUnicode';

let applied = false;

/**
 * Process-wide fixes to MathJax 3.2.2 (tested in test/unit/typesetterSafety.test.ts):
 * - the lite serializer leaves `"` unescaped in href/style/src…, which lets `\href{x" onmouseover=…}`,
 *   `\style`, `\bbox` and `\unicode` inject attributes; emptying CDATA_ATTR makes it escape them all;
 * - attribute values are additionally escaped for `&`, `<` and `>`, so the markup is also valid XML;
 * - `\unicode` keeps cross-document state; it is replaced by a stateless version.
 */
export function applyMathJaxPatches(): void {
  if (applied) return;
  applied = true;
  for (const name of Object.keys(LiteParser.CDATA_ATTR)) delete LiteParser.CDATA_ATTR[name];
  LiteParser.prototype.protectAttribute = function protectAttribute(text: string): string {
    return escapeAttribute(String(text));
  };
  installStatelessUnicode();
}
