import type { ScanMemo } from './scannerMemo';

const LF = 10;
const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;

/** Is the line after the newline at `newline` blank (only spaces and tabs), or is there no next line? */
export function nextLineIsBlank(src: string, newline: number): boolean {
  let i = newline + 1;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === LF) return true;
    if (c !== SPACE && c !== TAB) return false;
    i++;
  }
  return true;
}

/**
 * Offset of the next `closer` at or after `from`, or -1 when a blank line or the end comes first.
 * A backslash and the character after it are one unit (`\$` does not close `$`, `\\)` does not close `\(`),
 * matching how Markdown pairs backslash escapes outside math.
 */
export function findCloser(src: string, from: number, closer: string, memo?: ScanMemo): number {
  if (memo?.knownToFail(closer, from)) return -1;
  const first = closer.charCodeAt(0);
  let i = from;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === first && src.startsWith(closer, i)) return i;
    if (c === LF) {
      if (nextLineIsBlank(src, i)) break;
    } else if (c === BACKSLASH && src.charCodeAt(i + 1) !== LF) {
      i += 2;
      continue;
    }
    i++;
  }
  memo?.recordFailure(closer, from, Math.min(i, src.length));
  return -1;
}

/** Like `findCloser` but verbatim: no backslash pairing (GitHub's `` $`…`$ `` content is code-like). */
export function findVerbatimCloser(src: string, from: number, closer: string, memo?: ScanMemo): number {
  const key = `verbatim:${closer}`;
  if (memo?.knownToFail(key, from)) return -1;
  const first = closer.charCodeAt(0);
  let i = from;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === first && src.startsWith(closer, i)) return i;
    if (c === LF && nextLineIsBlank(src, i)) break;
    i++;
  }
  memo?.recordFailure(key, from, Math.min(i, src.length));
  return -1;
}
