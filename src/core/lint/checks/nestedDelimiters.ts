import type { Formula } from '../../types';

/** Where a formula's inner delimiters stand in the document: `\[` … `\]` (or `\(` … `\)`) just inside `$$` … `$$`. */
export interface NestedDelimiters {
  open: number;
  close: number;
  /** `\[` or `\(`. */
  opener: string;
}

const PAIRS: Record<string, string> = { '\\[': '\\]', '\\(': '\\)' };

/**
 * `$$ \[ x \] $$`, as chat assistants write display math: delimited twice. Only whitespace (and
 * container prefixes) may stand between the two openers and between the two closers.
 */
export function nestedDelimiters(text: string, f: Formula): NestedDelimiters | undefined {
  if (f.delimiter !== '$$' && f.delimiter !== '$') return undefined;
  const outer = f.delimiter.length;
  let open = f.offset + outer;
  while (open < f.endOffset && /[ \t\r\n>]/.test(text[open])) open++;
  const opener = text.slice(open, open + 2);
  const closer = PAIRS[opener];
  if (!closer) return undefined;
  let end = f.endOffset - outer;
  while (end > open && /[ \t\r\n]/.test(text[end - 1])) end--;
  const close = end - 2;
  if (close < open + 2 || text.slice(close, end) !== closer || text[close - 1] === '\\') return undefined;
  // One pair around the whole formula, not `\[a\] + \[b\]`.
  const inner = text.slice(open + 2, close);
  if (inner.includes(opener) || inner.includes(closer)) return undefined;
  return { open, close, opener };
}
