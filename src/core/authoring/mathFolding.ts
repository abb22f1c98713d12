import { LineTable } from '../markdown/lineTable';
import type { Formula } from '../types';

/** A foldable region: 0-based first and last lines. */
export interface MathFold {
  startLine: number;
  endLine: number;
}

const ENV = /\\(begin|end)\s*\{([A-Za-z]+\*?)\}/g;

/**
 * Folding regions of the math: every display formula over more than one line, and every
 * environment inside it (`\begin{cases}` … `\end{cases}`) over more than one line. A region ends on
 * the line of its closer, so the closer stays visible as VS Code folds (it hides the lines after the first).
 */
export function mathFoldingRanges(text: string, formulas: readonly Formula[]): MathFold[] {
  const lines = new LineTable(text);
  const out: MathFold[] = [];
  for (const f of formulas) {
    if (!f.display || f.delimiter === 'ref') continue;
    const first = lines.lineOf(f.offset);
    const last = lines.lineOf(Math.max(f.offset, f.endOffset - 1));
    if (last <= first) continue;
    out.push({ startLine: first, endLine: last });
    // Nested environments, found in the document's own text of the formula (TeX lines may lack
    // container prefixes, the document's lines do not).
    const source = text.slice(f.offset, f.endOffset);
    const open: Array<{ name: string; line: number }> = [];
    for (const m of source.matchAll(ENV)) {
      const line = lines.lineOf(f.offset + m.index);
      if (m[1] === 'begin') open.push({ name: m[2]!, line });
      else {
        const at = open.map((o) => o.name).lastIndexOf(m[2]!);
        if (at < 0) continue;
        const start = open[at]!.line;
        open.length = at;
        if (line > start && !(start === first && line === last)) out.push({ startLine: start, endLine: line });
      }
    }
  }
  return out;
}
