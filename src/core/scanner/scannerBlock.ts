import { findCloser, nextLineIsBlank } from './scannerCloser';
import { dollarRun } from './scannerInline';
import { mathEnvironmentAt } from './scannerEnvironments';
import { matchMathFence } from './scannerFence';
import { equationLabelAt, matchDirective } from './scannerMyst';
import type { Delimiter } from '../types';
import type { BlockMathMatch, MathMatch } from './scannerMatch';
import type { ScanMemo } from './scannerMemo';
import type { ScanOptions } from './scannerOptions';

const LF = 10;
const SPACE = 32;
const TAB = 9;
const DOLLAR = 36;
const BACKSLASH = 92;
const BACKTICK = 96;
const TILDE = 126;
const OPEN_BRACKET = 91;
const COLON = 58;

/**
 * The display-math block that starts on the line beginning at `lineStart`, or null
 * (math-syntax.md, "Display math"). `$$`, `\[` and `\begin{…}` make a block only when nothing
 * but whitespace follows the closer on its line; otherwise the line belongs to a paragraph
 * and the inline scanner reads the formula as display math in running text.
 */
export function matchBlockMath(src: string, lineStart: number, options: ScanOptions, memo?: ScanMemo): BlockMathMatch | null {
  let i = lineStart;
  while (i - lineStart < 3 && src.charCodeAt(i) === SPACE) i++;
  const c = src.charCodeAt(i);
  if ((c === BACKTICK || c === TILDE || c === COLON) && options.myst) {
    const directive = mathDirective(src, i);
    if (directive) return directive;
  }
  if (c === BACKTICK || c === TILDE) return options.gfm ? matchMathFence(src, i, i - lineStart) : null;
  if (c === DOLLAR) {
    const run = dollarRun(src, i);
    return options.dollars && (run === 2 || run === 3) ? blockBetween(src, i, '$$', '$$', '$$', memo, options.myst) : null;
  }
  if (c !== BACKSLASH) return null;
  const next = src.charCodeAt(i + 1);
  if (next === OPEN_BRACKET) return options.brackets ? blockBetween(src, i, '\\[', '\\]', '\\[', memo) : null;
  if (next === BACKSLASH && src.charCodeAt(i + 2) === OPEN_BRACKET) {
    return options.doubleBackslash ? blockBetween(src, i, '\\\\[', '\\\\]', '\\\\[', memo) : null;
  }
  return options.environments ? matchEnvironment(src, i, memo) : null;
}

/**
 * Start of the next line (after `from`, before the next blank line) that opens a display-math
 * block, or -1. Marked's `start()` for block extensions uses it to end a paragraph there.
 */
export function nextBlockMathLine(src: string, from: number, options: ScanOptions, memo?: ScanMemo): number {
  let i = from;
  for (;;) {
    const newline = src.indexOf('\n', i);
    if (newline < 0 || nextLineIsBlank(src, newline)) return -1;
    const lineStart = newline + 1;
    if (mayOpenBlock(src, lineStart) && matchBlockMath(src, lineStart, options, memo)) return lineStart;
    i = lineStart;
  }
}

function mayOpenBlock(src: string, lineStart: number): boolean {
  let i = lineStart;
  while (i - lineStart < 3 && src.charCodeAt(i) === SPACE) i++;
  const c = src.charCodeAt(i);
  return c === DOLLAR || c === BACKSLASH || c === COLON;
}

/** A MyST ```` ```{math} ```` (or `:::{math}`) directive: display math, the body its TeX, `:label:` its label. */
function mathDirective(src: string, start: number): BlockMathMatch | null {
  const d = matchDirective(src, start);
  if (!d || d.name !== 'math') return null;
  const label = d.options['label']?.trim();
  return {
    start,
    end: d.end,
    texStart: d.bodyStart,
    texEnd: d.bodyEnd,
    tex: src.slice(d.bodyStart, d.bodyEnd),
    delimiter: '{math}',
    display: true,
    blockEnd: d.blockEnd,
    ...(label ? { label } : {}),
  };
}

function blockBetween(
  src: string,
  start: number,
  open: string,
  close: string,
  delimiter: Delimiter,
  memo?: ScanMemo,
  labelled = false,
): BlockMathMatch | null {
  const texStart = start + open.length;
  const at = findCloser(src, texStart, close, memo);
  if (at <= texStart) return null;
  const end = at + close.length;
  const tex = src.slice(texStart, at);
  const label = labelled ? equationLabelAt(src, end) : null;
  if (label) {
    const blockEnd = endOfBlankRest(src, label.end);
    return { start, end: label.end, texStart, texEnd: at, tex, delimiter, display: true, blockEnd, label: label.label };
  }
  const blockEnd = endOfBlankRest(src, end);
  if (blockEnd < 0) return null;
  return { start, end, texStart, texEnd: at, tex, delimiter, display: true, blockEnd };
}

function matchEnvironment(src: string, start: number, memo?: ScanMemo): BlockMathMatch | null {
  const m = matchEnvironmentMath(src, start, memo);
  if (!m) return null;
  const blockEnd = endOfBlankRest(src, m.end);
  return blockEnd < 0 ? null : { ...m, blockEnd };
}

/**
 * A math environment `\begin{env}…\end{env}` opening at `start` (nested environments of the same
 * name are counted), with no blank line inside, or null. Display math; the TeX is the whole environment.
 */
export function matchEnvironmentMath(src: string, start: number, memo?: ScanMemo): MathMatch | null {
  const env = mathEnvironmentAt(src, start);
  if (!env) return null;
  const opener = `\\begin{${env.name}}`;
  const closer = `\\end{${env.name}}`;
  const from = start + env.openLength;
  if (memo?.knownToFail(closer, from)) return null;
  let depth = 1;
  let sawCloser = false;
  let i = from;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === BACKSLASH) {
      if (src.startsWith(closer, i)) {
        sawCloser = true;
        i += closer.length;
        if (--depth === 0) break;
        continue;
      }
      if (src.startsWith(opener, i)) {
        depth++;
        i += opener.length;
        continue;
      }
      i += src.charCodeAt(i + 1) === LF ? 1 : 2;
      continue;
    }
    if (c === LF && nextLineIsBlank(src, i)) break;
    i++;
  }
  if (depth > 0) {
    if (!sawCloser) memo?.recordFailure(closer, from, Math.min(i, src.length));
    return null;
  }
  return { start, end: i, texStart: start, texEnd: i, tex: src.slice(start, i), delimiter: 'env', display: true };
}

/** Offset after the newline ending the line at `from` if only spaces/tabs remain on it, else -1. */
function endOfBlankRest(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c !== SPACE && c !== TAB) return -1;
    i++;
  }
  return src.length;
}
