import { upperBound } from '../../shared/binarySearch';

/**
 * Line tables for a document as given (any of CRLF, CR, LF) and for the LF-normalised copy that
 * Marked lexes. Lines are the same in both, so a normalised offset maps back by line and column.
 */
export class SourceLines {
  readonly text: string;
  readonly normalized: string;
  readonly #starts: number[];
  readonly #normalizedStarts: number[];

  /** `lfStarts`: the line starts of `text`, already known to hold no CR (see `splice`). */
  constructor(text: string, lfStarts?: number[]) {
    this.text = text;
    if (lfStarts) {
      this.normalized = text;
      this.#starts = this.#normalizedStarts = lfStarts;
    } else if (text.includes('\r')) {
      this.normalized = text.replace(/\r\n?/g, '\n');
      this.#starts = lineStarts(text);
      this.#normalizedStarts = lineStarts(this.normalized);
    } else {
      this.normalized = text;
      this.#starts = this.#normalizedStarts = lfLineStarts(text);
    }
  }

  /**
   * The lines of `text`, which equals this CR-free text except that `[from, oldEnd)` became
   * `[from, newEnd)`: line starts outside the change are carried over, only the change is scanned.
   */
  splice(text: string, from: number, oldEnd: number, newEnd: number): SourceLines {
    const starts = this.#starts;
    const delta = newEnd - oldEnd;
    const head = lastAtMost(starts, from) + 1;
    const out = starts.slice(0, head);
    for (let i = text.indexOf('\n', from); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) out.push(i + 1);
    for (let k = lastAtMost(starts, oldEnd) + 1; k < starts.length; k++) out.push(starts[k]! + delta);
    return new SourceLines(text, out);
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** 0-based line holding a normalised offset. */
  lineOf(normalizedOffset: number): number {
    return lastAtMost(this.#normalizedStarts, normalizedOffset);
  }

  /** Start offset of a 0-based line in the normalised text. */
  lineStart(line: number): number {
    return this.#normalizedStarts[Math.min(line, this.#normalizedStarts.length - 1)]!;
  }

  /** A 0-based line's text without its line ending. */
  lineText(line: number): string {
    if (line >= this.#normalizedStarts.length) return '';
    const start = this.#normalizedStarts[line]!;
    const next = this.#normalizedStarts[line + 1];
    return this.normalized.slice(start, next === undefined ? this.normalized.length : next - 1);
  }

  /** Normalised offset of the end of a 0-based line, before its line ending. */
  lineEnd(line: number): number {
    if (line >= this.#normalizedStarts.length) return this.normalized.length;
    const next = this.#normalizedStarts[line + 1];
    return next === undefined ? this.normalized.length : next - 1;
  }

  /** The offset in the original text of a normalised offset. */
  toOriginal(normalizedOffset: number): number {
    const line = this.lineOf(normalizedOffset);
    return this.#starts[line]! + (normalizedOffset - this.#normalizedStarts[line]!);
  }

  /** Original offset of the start of a 0-based line. */
  originalLineStart(line: number): number {
    return this.#starts[Math.min(line, this.#starts.length - 1)]!;
  }

  /** 1-based line and column (UTF-16 units) of an original offset. */
  position(offset: number): { line: number; column: number } {
    const line = lastAtMost(this.#starts, offset);
    return { line: line + 1, column: offset - this.#starts[line]! + 1 };
  }
}

function lfLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the last value <= `value` in an ascending array starting with 0. */
export function lastAtMost(sorted: readonly number[], value: number): number {
  return Math.max(0, upperBound(sorted, value) - 1);
}

const linesOf = new WeakMap<object, SourceLines>();

/** Keeps the line tables made while parsing a document, for those who need them later. */
export function rememberLines<T extends { text: string }>(doc: T, lines: SourceLines): T {
  linesOf.set(doc, lines);
  return doc;
}

/** The line tables of a parsed document (made once per document). */
export function sourceLinesOf(doc: { text: string }): SourceLines {
  let lines = linesOf.get(doc);
  if (!lines) linesOf.set(doc, (lines = new SourceLines(doc.text)));
  return lines;
}
