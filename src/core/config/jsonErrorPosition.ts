import { LineTable } from '../markdown/lineTable';

/**
 * Where JSON.parse failed, from its message (`… at position 12`, `… (line 2 column 5)`), as 1-based
 * line and column in `text`; the file's start when the message names no position.
 */
export function jsonErrorPosition(text: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  if (position) return new LineTable(text).position(Math.min(Number(position[1]), text.length));
  if (/end of (JSON|data) input/i.test(message)) return new LineTable(text).position(text.length);
  return { line: 1, column: 1 };
}

/** The position of `"key"` in a JSON text (its last path segment, the first occurrence), for a problem about that key. */
export function jsonKeyPosition(text: string, key: string): { line: number; column: number } {
  const last = key.split('.').pop() ?? key;
  for (const candidate of [`"${key}"`, `"${last}"`]) {
    const at = text.indexOf(candidate);
    if (at >= 0) return new LineTable(text).position(at);
  }
  return { line: 1, column: 1 };
}
