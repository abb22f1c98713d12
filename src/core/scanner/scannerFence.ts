import type { BlockMathMatch } from './scannerMatch';

const FENCE_OPEN = /(`{3,}|~{3,})([^\n]*)(?:\n|$)/y;
const CLOSING_FENCE = / {0,3}(`{3,}|~{3,}) *(?=\n|$)/y;
const LEADING_WHITESPACE = /^\s+/;

/**
 * A ```` ```math ```` or `~~~math` fence whose opening fence stands at `fenceStart` (after `indent`
 * spaces of indentation). Like any fenced block, it runs to the closing fence or the end of its
 * container; the content is verbatim (blank lines allowed), with the opening fence's indentation
 * removed from each line as Marked does for code fences.
 */
export function matchMathFence(src: string, fenceStart: number, indent: number): BlockMathMatch | null {
  FENCE_OPEN.lastIndex = fenceStart;
  const open = FENCE_OPEN.exec(src);
  if (!open) return null;
  const fence = open[1]!;
  const info = open[2]!;
  if ((fence[0] === '`' && info.includes('`')) || info.trim().split(/\s+/)[0] !== 'math') return null;

  const contentStart = fenceStart + open[0].length;
  let lineStart = contentStart;
  let close: { lineStart: number; end: number; blockEnd: number } | null = null;
  while (lineStart < src.length) {
    const newline = src.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? src.length : newline;
    CLOSING_FENCE.lastIndex = lineStart;
    const m = CLOSING_FENCE.exec(src);
    if (m && m.index + m[0].length === lineEnd && m[1]![0] === fence[0] && m[1]!.length >= fence.length) {
      const fenceEnd = src.indexOf(m[1]!, lineStart) + m[1]!.length;
      close = { lineStart, end: fenceEnd, blockEnd: newline < 0 ? src.length : newline + 1 };
      break;
    }
    lineStart = newline < 0 ? src.length : newline + 1;
  }

  const contentEnd = close ? Math.max(contentStart, close.lineStart - 1) : trimFinalNewline(src, contentStart);
  const content = src.slice(contentStart, contentEnd);
  const compensate = fence[0] === '`' ? indent : 0;
  const tex = compensate > 0 ? removeIndentation(content, compensate) : content;
  const firstLineCut = compensate > 0 ? Math.min(/^[ \t]*/.exec(content)![0].length, compensate) : 0;
  return {
    start: fenceStart,
    end: close ? close.end : contentEnd,
    texStart: contentStart + firstLineCut,
    texEnd: contentEnd,
    tex,
    delimiter: 'math-fence',
    display: true,
    blockEnd: close ? close.blockEnd : src.length,
  };
}

function trimFinalNewline(src: string, from: number): number {
  return src.length > from && src.endsWith('\n') ? src.length - 1 : src.length;
}

function removeIndentation(content: string, indent: number): string {
  return content
    .split('\n')
    .map((line) => {
      const ws = LEADING_WHITESPACE.exec(line);
      return ws ? line.slice(Math.min(ws[0].length, indent)) : line;
    })
    .join('\n');
}
