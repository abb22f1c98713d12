import { matchInlineMath } from './scannerInline';
import type { MathMatch } from './scannerMatch';
import { ScanMemo } from './scannerMemo';
import type { ScanOptions } from './scannerOptions';

const DOLLAR = 36;
const BACKSLASH = 92;
const LESS_THAN = 60;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>/y;
/** Elements whose content MathJax does not search for math (its `skipHtmlTags`). */
const SKIPPED = new Set(['script', 'noscript', 'style', 'textarea', 'pre', 'code', 'annotation', 'annotation-xml']);

/**
 * Math in the text of a raw HTML block (`<div>$$…$$</div>`, `<center>… $x$ …</center>`), where
 * Markdown does not look but MathJax-based sites typeset it: the inline forms, found in text
 * between tags, never inside tags, comments or the elements MathJax skips. Linear time.
 */
export function findHtmlMathSpans(html: string, options: ScanOptions): MathMatch[] {
  const spans: MathMatch[] = [];
  const memo = new ScanMemo();
  let i = 0;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === LESS_THAN) {
      i = skipMarkup(html, i);
    } else if (c === DOLLAR || c === BACKSLASH) {
      const m = matchInlineMath(html, i, options, memo);
      if (m) {
        spans.push(m);
        i = m.end;
      } else {
        i += c === BACKSLASH || memo.failedDoubleDollarAt === i ? 2 : Math.max(1, memo.literalDollarsUntil - i);
      }
    } else {
      i++;
    }
  }
  return spans;
}

function skipMarkup(html: string, start: number): number {
  if (html.startsWith('<!--', start)) {
    const end = html.indexOf('-->', start + 4);
    return end < 0 ? html.length : end + 3;
  }
  TAG.lastIndex = start;
  const tag = TAG.exec(html);
  if (!tag) return start + 1;
  const end = start + tag[0].length;
  const name = tag[2]!.toLowerCase();
  if (tag[1] || !SKIPPED.has(name)) return end;
  const close = new RegExp(`</${name}[\\s>]`, 'gi');
  close.lastIndex = end;
  const m = close.exec(html);
  return m ? m.index : html.length;
}
