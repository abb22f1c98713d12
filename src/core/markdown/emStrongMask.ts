import { findInlineMathSpans, type ScanOptions } from '../scanner/scanner';
import { activeMathLexer } from './mathLexer';

const MASK = 'a';

/**
 * Marked's `hooks.emStrongMask`: hides the inside of every math span from the search for
 * emphasis and strikethrough delimiters, so `*`, `_` and `~` in a formula never pair up
 * (`**bold $e^*$**`). Marked passes its own masked copy of the string being lexed; the math
 * is found on the original string, which the lexer keeps as its current inline context.
 */
export function maskMath(masked: string, options: ScanOptions): string {
  const contexts = activeMathLexer()?.inlineContexts;
  const context = contexts?.at(-1);
  if (!context || context.src.length !== masked.length) return masked;
  const spans = findInlineMathSpans(context.src, options, contexts!.length === 1);
  if (spans.length === 0) return masked;
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += masked.slice(from, span.texStart) + MASK.repeat(span.texEnd - span.texStart);
    from = span.texEnd;
  }
  return out + masked.slice(from);
}
