import type { LintRule, Problem } from '../types';

const LABELS = /\\(label|eqref|ref)\s*\{([^{}]*)\}/g;

export const mm302UnknownLabel: LintRule = {
  id: 'MM302',
  name: 'unknown-label',
  description: '`\\eqref{x}` / `\\ref{x}` with no `\\label{x}` in the document, and labels defined twice',
  tags: ['tex', 'labels'],
  defaultSeverity: 'warning',
  fixable: false,
  documentWide: true,
  check(ctx) {
    const labels = new Map<string, number>();
    const refs: Array<{ kind: string; name: string; offset: number; endOffset: number }> = [];
    const out: Problem[] = [];
    ctx.formulas.forEach((f, i) => {
      if (!f.tex.includes('\\')) return;
      for (const m of f.tex.matchAll(LABELS)) {
        const map = ctx.texMap(i);
        const nameAt = m.index + m[0].length - 1 - m[2].length;
        const span =
          map.exact && m[2].length
            ? { offset: map.toDocument(nameAt), endOffset: map.toDocument(nameAt + m[2].length - 1) + 1 }
            : { offset: f.offset, endOffset: f.endOffset };
        const name = m[2].trim();
        if (m[1] !== 'label') {
          refs.push({ kind: m[1], name, ...span });
          continue;
        }
        const first = labels.get(name);
        if (first === undefined) {
          labels.set(name, span.offset);
          continue;
        }
        const p = ctx.lines.position(first);
        out.push({
          ...span,
          message: `\\label{${name}} is defined twice (first at ${p.line}:${p.column}): MathJax reports "Label '${name}' multiply defined" and references go to the first.`,
        });
      }
    });
    for (const r of refs) {
      if (!labels.has(r.name))
        out.push({
          offset: r.offset,
          endOffset: r.endOffset,
          message: `\\${r.kind}{${r.name}} refers to a label that no formula defines: it renders as (???). Add \\label{${r.name}} to the equation, or fix the name.`,
        });
    }
    return out;
  },
};
