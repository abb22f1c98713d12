// Scores the portability rules against the oracle: which formulas a set of rules flags, and which
// a renderer without math support really mangles. Not a test file; used by lintOracle.test.ts and
// scripts/dev/lint-oracle.mjs.
import type { LintTarget } from '../../src/core/config/settings';
import { lint, RULES, type LintDiagnostic } from '../../src/core/lint';
import { parseMarkdown } from '../../src/core/markdown';
import { mangledFormulas, type OracleRenderer } from './lintOracle';

/** The portability rules the issue names: the catalogue's MM101–MM107. */
export const CATALOGUE_RULES: ReadonlySet<string> = new Set(['MM101', 'MM102', 'MM103', 'MM104', 'MM105', 'MM106', 'MM107']);

/** Every rule tagged `portability`: the catalogue's and Mathdown's addition MM108 (code spans and links). */
export const PORTABILITY_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.tags.includes('portability')).map((r) => r.id));

export interface OracleDocument {
  name: string;
  text: string;
}

export interface OracleMiss {
  kind: 'missed' | 'false positive';
  renderer: OracleRenderer;
  doc: string;
  line: number;
  column: number;
  /** The formula as written, delimiters included. */
  formula: string;
  /** Every diagnostic inside the formula, of any rule (the scored ones and the others). */
  diagnostics: LintDiagnostic[];
}

export interface OracleScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  misses: OracleMiss[];
}

/**
 * A formula counts as flagged when a diagnostic of `rules` starts inside it, and as mangled when
 * the renderer's output no longer holds its text.
 */
export function scoreRules(
  docs: readonly OracleDocument[],
  target: LintTarget,
  renderers: OracleRenderer | readonly OracleRenderer[],
  rules: ReadonlySet<string>,
): OracleScore {
  const s: OracleScore = { tp: 0, fp: 0, fn: 0, tn: 0, misses: [] };
  // Several renderers stand for a destination that may be any of them: a formula is mangled when
  // one of them mangles it, and judged when every one of them could judge it.
  const all = typeof renderers === 'string' ? [renderers] : renderers;
  const renderer = all[0];
  for (const doc of docs) {
    const formulas = parseMarkdown(doc.text).formulas;
    const readings = all.map((r) => mangledFormulas(doc.text, formulas, r));
    const judged = readings[0].judged.filter((i) => readings.every((r) => r.judged.includes(i)));
    const mangled = new Set(readings.flatMap((r) => [...r.mangled]));
    const diagnostics = lint(doc.text, { targets: [target], formulas });
    for (const i of judged) {
      const f = formulas[i];
      const inside = diagnostics.filter((d) => d.offset >= f.offset && d.offset < f.endOffset);
      const flagged = inside.some((d) => rules.has(d.rule));
      const isMangled = mangled.has(i);
      if (flagged === isMangled) {
        if (flagged) s.tp++;
        else s.tn++;
        continue;
      }
      if (flagged) s.fp++;
      else s.fn++;
      s.misses.push({
        kind: flagged ? 'false positive' : 'missed',
        renderer,
        doc: doc.name,
        line: f.line,
        column: f.column,
        formula: doc.text.slice(f.offset, f.endOffset),
        diagnostics: inside,
      });
    }
  }
  return s;
}

export const precision = (s: OracleScore) => s.tp / (s.tp + s.fp);
export const recall = (s: OracleScore) => s.tp / (s.tp + s.fn);

export function summary(s: OracleScore): string {
  return `${s.tp + s.fn} mangled of ${s.tp + s.fp + s.fn + s.tn} formulas; flagged ${s.tp + s.fp}; precision ${precision(s).toFixed(4)}, recall ${recall(s).toFixed(4)}`;
}

/** Identifies a miss across runs: renderer, document, line and the formula's text. */
export function missKey(m: Pick<OracleMiss, 'kind' | 'renderer' | 'doc' | 'line' | 'formula'>): string {
  return `${m.kind} ${m.renderer} ${m.doc}:${m.line} ${m.formula}`;
}

/** One line: what, where, which renderer, and the cause given. */
export function describeMiss(m: OracleMiss, cause: string): string {
  const shown = m.formula.length > 80 ? `${m.formula.slice(0, 77)}…` : m.formula;
  return `${m.kind} ${m.doc}:${m.line}:${m.column} ${JSON.stringify(shown)} (${m.renderer}): ${cause}`;
}
