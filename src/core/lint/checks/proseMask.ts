import { partitionPoint } from '../../../shared/binarySearch';
import type { LintContext } from '../types';

/** Offsets that hold prose: not math, not code (block or span), not raw HTML. */
export interface ProseMask {
  isProse(offset: number): boolean;
}

export function proseMask(ctx: LintContext): ProseMask {
  const spans: Array<[number, number]> = ctx.formulas.map((f) => [f.offset, f.endOffset]);
  const reading = ctx.plain('gfm');
  for (const b of reading.blocks) if (b.kind !== 'inline') spans.push([b.start, b.end]);
  for (const m of reading.marks) {
    if (m.kind === 'html' || m.kind === 'autolink') spans.push([m.offset, m.endOffset]);
    else if (m.kind === 'code' && m.partner !== undefined && m.partner > m.offset)
      spans.push([m.offset, m.partner + (m.endOffset - m.offset)]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return {
    isProse(offset) {
      // The spans are disjoint and sorted, so their ends are sorted too.
      const span = merged[partitionPoint(merged, (s) => s[1] <= offset)];
      return !span || span[0] > offset;
    },
  };
}

/** True when the character at `offset` is preceded by an odd number of backslashes. */
export function isEscaped(text: string, offset: number): boolean {
  let n = 0;
  while (offset - 1 - n >= 0 && text[offset - 1 - n] === '\\') n++;
  return n % 2 === 1;
}
