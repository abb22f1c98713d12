import type { LineTable } from '../../markdown/lineTable';

const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*$/;

/**
 * The prefix that a new line inserted before `offset` needs to stay in the same container
 * (block quote, list item): the text before `offset` on its line with list markers turned into
 * spaces. Undefined when that text is not only container markers (the construct is mid-line).
 */
export function continuationPrefix(lines: LineTable, offset: number): string | undefined {
  const line = lines.lineOf(offset);
  const before = lines.text.slice(lines.starts[line], offset);
  if (!CONTAINER_MARKERS.test(before)) return undefined;
  return before.replace(/[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])/g, (m) => ' '.repeat(m.length));
}

/** True when only spaces and tabs follow `offset` on its line. */
export function restOfLineIsBlank(text: string, offset: number): boolean {
  const nl = text.indexOf('\n', offset);
  return text.slice(offset, nl < 0 ? text.length : nl).trim() === '';
}
