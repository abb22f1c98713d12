// Source line <-> vertical offset in the preview, from the positions of the elements that carry
// `data-line`. Pure: the DOM side measures, this file interpolates (unit-tested without a DOM).
import { lastIndexWhere } from '../shared/binarySearch';

export interface LineBox {
  /** 0-based first source line of the element. */
  readonly line: number;
  /** 0-based source line just after the element. */
  readonly endLine: number;
  /** Top and height in document pixels. */
  readonly top: number;
  readonly height: number;
}

/** Sorts by line and keeps the outermost (first-measured, topmost) box for each line. */
export function normaliseBoxes(boxes: readonly LineBox[]): LineBox[] {
  const sorted = [...boxes].sort((a, b) => a.line - b.line || a.top - b.top);
  const out: LineBox[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last && last.line === b.line) continue;
    if (last && b.top < last.top) continue; // out-of-order layout (floats, absolute boxes): ignore
    out.push(b);
  }
  return out;
}

/** Pixel offset at which source `line` (may be fractional) starts; 0 before the first box. */
export function offsetForLine(boxes: readonly LineBox[], line: number): number {
  const i = lastIndexWhere(boxes, (b) => b.line <= line);
  if (i < 0) return 0;
  const { b, next, endLine, bottom } = effective(boxes, i);
  if (!next || line < endLine) return b.top + Math.min(1, (line - b.line) / (endLine - b.line)) * (bottom - b.top);
  // Between the end of this box and the next one (blank lines): glide through the gap.
  const gap = (line - endLine) / Math.max(1, next.line - endLine);
  return bottom + Math.min(1, gap) * (next.top - bottom);
}

/** Source line (fractional) shown at pixel offset `y`; the first box's line above the first box. */
export function lineForOffset(boxes: readonly LineBox[], y: number): number {
  if (boxes.length === 0) return 0;
  const i = lastIndexWhere(boxes, (b) => b.top <= y);
  if (i < 0) return boxes[0]!.line;
  const { b, next, endLine, bottom } = effective(boxes, i);
  if (!next || y < bottom) {
    const frac = bottom > b.top ? Math.min(1, (y - b.top) / (bottom - b.top)) : 0;
    return b.line + frac * (endLine - b.line);
  }
  const frac = next.top > bottom ? Math.min(1, (y - bottom) / (next.top - bottom)) : 1;
  return endLine + frac * (next.line - endLine);
}

/** A box cut off where the next one starts (a list item inside a list, say). */
function effective(boxes: readonly LineBox[], i: number) {
  const b = boxes[i]!;
  const next = boxes[i + 1];
  let endLine = Math.max(b.line + 1, b.endLine);
  let bottom = b.top + b.height;
  if (next) {
    endLine = Math.min(endLine, next.line);
    bottom = Math.min(bottom, next.top);
  }
  return { b, next, endLine, bottom };
}
