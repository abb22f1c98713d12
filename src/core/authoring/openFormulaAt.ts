import { parseMarkdown } from '../markdown';
import type { MathContext } from './mathContextAt';
import type { MathDocument } from './mathDocument';

const CLOSERS = ['$', '$$', '\\)', '\\]'];

/**
 * The formula being typed at `offset` whose closing delimiter is not written yet (`$\fr|`): the
 * paragraph up to the cursor (and the rest of its line, so that a code span around the cursor still
 * hides it) is read as if the closer stood at the cursor, by the same scanner.
 * The returned formula ends at the cursor.
 */
export function openFormulaAt(doc: MathDocument, offset: number): MathContext | undefined {
  const blank = doc.text.lastIndexOf('\n\n', offset - 1);
  const start = blank < 0 ? 0 : blank + 2;
  const before = doc.text.slice(start, offset);
  if (!/[$\\]/.test(before)) return undefined;
  const lineEnd = doc.text.indexOf('\n', offset);
  const after = doc.text.slice(offset, lineEnd < 0 ? doc.text.length : lineEnd);
  for (const closer of CLOSERS) {
    const probe = parseMarkdown(before + closer + after, doc.math);
    const index = probe.formulas.findIndex((f) => f.endOffset === before.length + closer.length && f.texOffset <= before.length);
    if (index < 0) continue;
    const f = probe.formulas[index]!;
    return {
      index: -1,
      formula: { ...f, offset: f.offset + start, texOffset: f.texOffset + start, endOffset: offset + closer.length },
    };
  }
  return undefined;
}
