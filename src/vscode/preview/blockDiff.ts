// What changed between two block lists sent to the preview: the blocks kept at the start, the
// blocks kept at the end (all moved by the same number of lines and formulas), and the run between
// them, which is all an update needs to carry. A keystroke in a long document thus sends one block
// instead of a descriptor for each of its blocks.

import type { BlockUpdate } from '../../shared/preview';

/** A block the webview holds: an update's block without its HTML. */
export type SentBlock = Omit<BlockUpdate, 'html' | 'deferred'>;

export interface BlockDiff {
  keepHead: number;
  keepTail: number;
  lineShift: number;
  formulaShift: number;
  /** Keys of the previous blocks between head and tail: the webview can reuse these without HTML. */
  replaced: Set<string>;
}

export function blockDiff(previous: readonly SentBlock[], next: readonly SentBlock[]): BlockDiff {
  const limit = Math.min(previous.length, next.length);
  let head = 0;
  while (head < limit && same(previous[head]!, next[head]!)) head++;
  let tail = 0;
  let lineShift = 0;
  let formulaShift = 0;
  if (head < limit) {
    const p = previous.at(-1)!;
    const n = next.at(-1)!;
    lineShift = n.startLine - p.startLine;
    formulaShift = n.formulaBase - p.formulaBase;
    while (tail < limit - head) {
      const a = previous[previous.length - 1 - tail]!;
      const b = next[next.length - 1 - tail]!;
      if (
        a.key !== b.key ||
        b.startLine - a.startLine !== lineShift ||
        b.endLine - a.endLine !== lineShift ||
        b.formulaBase - a.formulaBase !== formulaShift
      )
        break;
      tail++;
    }
  }
  if (tail === 0) lineShift = formulaShift = 0;
  const replaced = new Set<string>();
  for (let i = head; i < previous.length - tail; i++) replaced.add(previous[i]!.key);
  return { keepHead: head, keepTail: tail, lineShift, formulaShift, replaced };
}

function same(a: SentBlock, b: SentBlock): boolean {
  return a.key === b.key && a.startLine === b.startLine && a.endLine === b.endLine && a.formulaBase === b.formulaBase;
}
