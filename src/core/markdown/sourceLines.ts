import { LineTable } from './lineTable';

/**
 * Line tables for a document as given (any of CRLF, CR, LF) and for the LF-normalised copy that
 * Marked lexes. Lines are the same in both, so a normalised offset maps back by line and column.
 */
export class SourceLines {
  readonly text: string;
  readonly normalized: string;
  readonly #original: LineTable;
  /** The lines of `normalized`: the same table as `#original` when `text` holds no CR. */
  readonly #normalized: LineTable;

  /** `lfStarts`: the line starts of `text`, already known to hold no CR (see `splice`). */
  constructor(text: string, lfStarts?: number[]) {
    this.text = text;
    this.normalized = lfStarts || !text.includes('\r') ? text : text.replace(/\r\n?/g, '\n');
    this.#original = new LineTable(text, lfStarts);
    this.#normalized = this.normalized === text ? this.#original : new LineTable(this.normalized);
  }

  /**
   * The lines of `text`, which equals this CR-free text except that `[from, oldEnd)` became
   * `[from, newEnd)`: line starts outside the change are carried over, only the change is scanned.
   */
  splice(text: string, from: number, oldEnd: number, newEnd: number): SourceLines {
    const starts = this.#original.starts;
    const delta = newEnd - oldEnd;
    const out = starts.slice(0, this.#original.lineOf(from) + 1);
    for (let i = text.indexOf('\n', from); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) out.push(i + 1);
    for (let k = this.#original.lineOf(oldEnd) + 1; k < starts.length; k++) out.push(starts[k]! + delta);
    return new SourceLines(text, out);
  }

  get lineCount(): number {
    return this.#original.lineCount;
  }

  /** 0-based line holding a normalised offset. */
  lineOf(normalizedOffset: number): number {
    return this.#normalized.lineOf(normalizedOffset);
  }

  /** Start offset of a 0-based line in the normalised text. */
  lineStart(line: number): number {
    return this.#normalized.lineStart(line);
  }

  /** A 0-based line's text without its line ending. */
  lineText(line: number): string {
    return this.#normalized.lineText(line);
  }

  /** Normalised offset of the end of a 0-based line, before its line ending. */
  lineEnd(line: number): number {
    return this.#normalized.lineEnd(line);
  }

  /** The offset in the original text of a normalised offset. */
  toOriginal(normalizedOffset: number): number {
    const line = this.lineOf(normalizedOffset);
    return this.#original.starts[line]! + (normalizedOffset - this.#normalized.starts[line]!);
  }

  /** Original offset of the start of a 0-based line. */
  originalLineStart(line: number): number {
    return this.#original.lineStart(line);
  }

  /** 1-based line and column (UTF-16 units) of an original offset. */
  position(offset: number): { line: number; column: number } {
    return this.#original.position(offset);
  }
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
