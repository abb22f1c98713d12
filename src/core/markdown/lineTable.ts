// The one line table of the core: offsets ⇄ lines and 1-based line/column (UTF-16 code units).
// Lines end at `\n`, `\r\n` or a lone `\r`, as VS Code and Marked (after normalisation) count them.
import { upperBound } from '../../shared/binarySearch';

/** Offset of the first character of each line of `text` (the first is 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
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

/** The lines of one text. */
export class LineTable {
  readonly text: string;
  /** Offset of the first character of each line. */
  readonly starts: readonly number[];

  /** `starts`: the text's line starts when already known (see `SourceLines.splice`). */
  constructor(text: string, starts: readonly number[] = lineStarts(text)) {
    this.text = text;
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line holding `offset` (the first line for offsets before it, the last after it). */
  lineOf(offset: number): number {
    return Math.max(0, upperBound(this.starts, offset) - 1);
  }

  /** Offset of the start of a 0-based line (the last line's beyond the last). */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)]!;
  }

  /** Offset of the end of a 0-based line, before its line ending (the text's end beyond the last). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return next - (this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? 2 : 1);
  }

  /** A 0-based line's text without its line ending ('' beyond the last line). */
  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line]! + 1 };
  }

  /** Offset of a 1-based line (clamped to the text's lines) and column. */
  offsetAt(line: number, column: number): number {
    return this.lineStart(line - 1) + column - 1;
  }
}
