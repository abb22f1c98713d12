import type { Heading } from '../markdown/headings';
import { LineTable } from '../markdown/lineTable';
import type { Formula } from '../types';
import type { EquationRow } from './equationRows';
import type { LabelDefinition, LabelIndex } from './labelIndex';
import { withoutComments } from './labelSites';

/** A node of the outline of equations: a heading holding equations, or an equation row. */
export interface OutlineNode {
  kind: 'heading' | 'equation';
  /** For an equation: `(3) E = mc^2`; for a heading, its text. */
  name: string;
  /** For an equation: its label keys, if any. */
  detail: string;
  /** The whole span (a heading's section; an equation's formula). */
  offset: number;
  endOffset: number;
  /** What to select when the node is picked: the heading line, a label's key or the formula's start. */
  selectionOffset: number;
  selectionEndOffset: number;
  children: OutlineNode[];
}

const SHORT = 48;

/** A formula's TeX as one short line, labels and tags left out. */
export function shortFormulaText(tex: string): string {
  const flat = withoutComments(tex)
    .replace(/\\(?:label|tag\*?)\s*\{[^{}]*\}|\\(?:notag|nonumber)(?![A-Za-z])/g, '')
    .replace(/\\(?:begin|end)\s*\{[A-Za-z]+\*?\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > SHORT ? flat.slice(0, SHORT - 1).trimEnd() + '…' : flat;
}

/**
 * The numbered and labelled equations of a document, nested under the headings that hold them
 * (headings without equations are left out: the Markdown outline shows them already).
 */
export function equationOutline(
  doc: { readonly text: string; readonly formulas: readonly Formula[] },
  index: LabelIndex,
  headings: readonly Heading[],
): OutlineNode[] {
  const lines = new LineTable(doc.text);
  const roots: OutlineNode[] = [];
  const stack: Array<{ level: number; node: OutlineNode }> = [];
  // Each section ends where the next heading of its level or a higher one starts (one pass, a stack of open sections).
  const sectionEnds = headings.map(() => doc.text.length);
  const open: number[] = [];
  headings.forEach((h, i) => {
    while (open.length && headings[open.at(-1)!]!.level >= h.level) sectionEnds[open.pop()!] = Math.max(lines.lineStart(h.line) - 1, 0);
    open.push(i);
  });
  const headingNodes = headings.map((h, i): OutlineNode => {
    const at = lines.lineStart(h.line);
    return {
      kind: 'heading',
      name: h.text || '(heading)',
      detail: '',
      offset: at,
      endOffset: Math.max(sectionEnds[i]!, lines.lineEnd(h.line)),
      selectionOffset: at,
      selectionEndOffset: lines.lineEnd(h.line),
      children: [],
    };
  });
  const equations = equationNodes(doc, index);
  let e = 0;
  const placeEquationsBefore = (limit: number): void => {
    for (; e < equations.length && equations[e]!.offset < limit; e++) (stack.at(-1)?.node.children ?? roots).push(equations[e]!);
  };
  headings.forEach((h, i) => {
    const node = headingNodes[i]!;
    placeEquationsBefore(node.offset);
    while (stack.length && stack.at(-1)!.level >= h.level) stack.pop();
    (stack.at(-1)?.node.children ?? roots).push(node);
    stack.push({ level: h.level, node });
  });
  placeEquationsBefore(Infinity);
  return prune(roots);
}

function equationNodes(doc: { readonly text: string; readonly formulas: readonly Formula[] }, index: LabelIndex): OutlineNode[] {
  const out: OutlineNode[] = [];
  const labelsOf = new Map<EquationRow, LabelDefinition[]>();
  for (const d of index.definitions) {
    if (!d.row) continue;
    const list = labelsOf.get(d.row);
    if (list) list.push(d);
    else labelsOf.set(d.row, [d]);
  }
  for (const row of index.rows) {
    const labels = labelsOf.get(row) ?? [];
    if (row.number === undefined && !labels.length) continue;
    const f = doc.formulas[row.formulaIndex]!;
    const text = shortFormulaText(f.tex.slice(row.texStart, row.texEnd)) || shortFormulaText(f.tex);
    const first = labels[0];
    out.push({
      kind: 'equation',
      name: row.number !== undefined ? `(${row.number}) ${text}` : text,
      detail: labels.map((l) => l.key).join(', '),
      offset: f.offset,
      endOffset: f.endOffset,
      selectionOffset: first ? first.offset : f.offset,
      selectionEndOffset: first ? first.endOffset : f.offset,
      children: [],
    });
  }
  return out;
}

/** Headings without an equation below them are dropped. */
function prune(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.filter((n) => {
    if (n.kind === 'equation') return true;
    n.children = prune(n.children);
    return n.children.length > 0;
  });
}
