import { upperBound } from '../../../shared/binarySearch';

/** Converts between 0-based offsets and 1-based line/column (UTF-16 code units) of one text. */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line number of an offset. */
  lineOf(offset: number): number {
    return Math.max(0, upperBound(this.starts, offset) - 1);
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }

  /** Offset of a 1-based line and column. */
  offsetAt(line: number, column: number): number {
    return this.starts[Math.min(Math.max(line - 1, 0), this.starts.length - 1)] + column - 1;
  }

  /** The text of a 0-based line, without its line ending. */
  lineText(line: number): string {
    const end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    const s = this.text.slice(this.starts[line], end);
    return s.endsWith('\r') ? s.slice(0, -1) : s;
  }
}
