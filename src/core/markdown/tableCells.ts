import { matchInlineMath, ScanMemo, type ScanOptions } from '../scanner/scanner';

/** A table cell's text as Marked wants it, and where it came from in its row. */
export interface CellSource {
  text: string;
  /** Offset in the row of `text[0]`. */
  start: number;
  /** Offsets in `text` before which a backslash of `\|` was removed. */
  deletions: number[];
}

const BACKSLASH = 92;
const PIPE = 124;
const BACKTICK = 96;

/**
 * Splits a table row into cells like Marked's `splitCells`, except that a `|` inside math does not
 * split and `\|` inside math stays `\|` (math-syntax.md, "Tables"). Code spans end at a cell
 * boundary, as in GFM, where rows are split before inline parsing.
 */
export function splitTableRow(row: string, options: ScanOptions, count?: number): CellSource[] {
  const memo = new ScanMemo();
  const math: Array<[number, number]> = [];
  const bounds: number[] = [];
  let i = 0;
  while (i < row.length) {
    const c = row.charCodeAt(i);
    if (c === 36 || c === BACKSLASH) {
      const m = matchInlineMath(row, i, options, memo);
      if (m) {
        math.push([m.start, m.end]);
        i = m.end;
        continue;
      }
      if (c === BACKSLASH) {
        i += 2;
        continue;
      }
    } else if (c === BACKTICK) {
      i = skipCodeSpan(row, i);
      continue;
    } else if (c === PIPE) {
      bounds.push(i);
    }
    i++;
  }

  const pieces: Array<[number, number]> = [];
  let from = 0;
  for (const b of bounds) {
    pieces.push([from, b]);
    from = b + 1;
  }
  pieces.push([from, row.length]);
  if (pieces.length > 0 && !row.slice(pieces[0]![0], pieces[0]![1]).trim()) pieces.shift();
  if (pieces.length > 0 && !row.slice(pieces.at(-1)![0], pieces.at(-1)![1]).trim()) pieces.pop();

  const cells = pieces.map(([start, end]) => cellSource(row, start, end, math));
  if (count !== undefined) {
    if (cells.length > count) cells.splice(count);
    while (cells.length < count) cells.push({ text: '', start: row.length, deletions: [] });
  }
  return cells;
}

function cellSource(row: string, start: number, end: number, math: ReadonlyArray<[number, number]>): CellSource {
  const piece = row.slice(start, end);
  const from = start + piece.length - piece.trimStart().length;
  const to = from + piece.trim().length;
  let text = '';
  const deletions: number[] = [];
  let next = math.findIndex(([s]) => s >= from);
  for (let i = from; i < to;) {
    if (next >= 0 && next < math.length && math[next]![0] === i) {
      const spanEnd = Math.min(math[next]![1], to);
      text += row.slice(i, spanEnd);
      i = spanEnd;
      next++;
      continue;
    }
    if (row.charCodeAt(i) === BACKSLASH && i + 1 < to) {
      if (row.charCodeAt(i + 1) === PIPE) deletions.push(text.length);
      text += row.charCodeAt(i + 1) === PIPE ? '|' : row.slice(i, i + 2);
      i += 2;
      continue;
    }
    text += row[i];
    i++;
  }
  return { text, start: from, deletions };
}

/** Offset after a code span opening at `start` that closes before the next unescaped `|`, or after the backtick run. */
function skipCodeSpan(row: string, start: number): number {
  let length = 0;
  while (row.charCodeAt(start + length) === BACKTICK) length++;
  let i = start + length;
  while (i < row.length) {
    const c = row.charCodeAt(i);
    if (c === PIPE) break;
    if (c === BACKSLASH && row.charCodeAt(i + 1) === PIPE) {
      i += 2;
      continue;
    }
    if (c === BACKTICK) {
      let run = 0;
      while (row.charCodeAt(i + run) === BACKTICK) run++;
      if (run === length) return i + run;
      i += run;
      continue;
    }
    i++;
  }
  return start + length;
}
