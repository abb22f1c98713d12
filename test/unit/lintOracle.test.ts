import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../src/core/lint';
import { parseMarkdown } from '../../src/core/markdown';
import type { LintTarget } from '../../src/core/config/settings';
import { generateDocument } from './lintGenerator';
import { mangledFormulas, type OracleRenderer } from './lintOracle';

// The portability rules must flag exactly the formulas that a Markdown renderer without math
// support mangles. The oracle renders each document and looks for each formula's text.
const PORTABILITY = new Set(['MM101', 'MM102', 'MM103', 'MM104', 'MM105', 'MM107', 'MM108']);
const DIR = path.join(__dirname, '../../../test/fixtures/lint');
const ORACLES: Array<[LintTarget, OracleRenderer]> = [['gfm', 'cmark-gfm'], ['gfm', 'marked-gfm'], ['commonmark', 'commonmark.js']];
const GENERATED = 300;

interface Score { tp: number; fp: number; fn: number; tn: number; misses: string[] }

function score(docs: readonly string[], target: LintTarget, renderer: OracleRenderer): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, tn: 0, misses: [] };
  for (const doc of docs) {
    const formulas = parseMarkdown(doc).formulas;
    const { judged, mangled } = mangledFormulas(doc, formulas, renderer);
    const diagnostics = lint(doc, { targets: [target], formulas }).filter((d) => PORTABILITY.has(d.rule));
    for (const i of judged) {
      const f = formulas[i];
      const flagged = diagnostics.some((d) => d.offset >= f.offset && d.offset < f.endOffset);
      const isMangled = mangled.has(i);
      if (flagged && isMangled) s.tp++;
      else if (flagged) { s.fp++; s.misses.push(`false positive: ${JSON.stringify(doc.slice(f.offset, f.endOffset))} (line ${f.line})`); }
      else if (isMangled) { s.fn++; s.misses.push(`missed: ${JSON.stringify(doc.slice(f.offset, f.endOffset))} (line ${f.line})`); }
      else s.tn++;
    }
  }
  return s;
}

function report(what: string, target: LintTarget, renderer: OracleRenderer, s: Score): { precision: number; recall: number } {
  const precision = s.tp / (s.tp + s.fp);
  const recall = s.tp / (s.tp + s.fn);
  console.log(`${what}, target ${target} vs ${renderer}: ${s.tp + s.fn} mangled of ${s.tp + s.fp + s.fn + s.tn} formulas; flagged ${s.tp + s.fp}; precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
  for (const m of s.misses.slice(0, 5)) console.log(`  ${m}`);
  return { precision, recall };
}

describe('portability rules against real renderers', () => {
  const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'pandoc.md' && f !== 'suppression.md').map((f) => readFileSync(path.join(DIR, f), 'utf8'));
  const generated = Array.from({ length: GENERATED }, (_, i) => generateDocument(i + 1));

  for (const [target, renderer] of ORACLES) {
    it(`fixtures: ${target} rules agree with ${renderer}`, () => {
      const s = score(fixtures, target, renderer);
      const { precision, recall } = report('fixtures', target, renderer, s);
      assert.ok(s.tp > 20, 'the fixtures hold mangled formulas');
      assert.ok(precision >= 0.95 && recall >= 0.95, `precision ${precision}, recall ${recall}`);
    });

    it(`${GENERATED} generated documents: ${target} rules agree with ${renderer} (precision and recall ≥ 0.95)`, () => {
      const s = score(generated, target, renderer);
      const { precision, recall } = report(`${GENERATED} generated documents`, target, renderer, s);
      assert.ok(s.tp > 1000 && s.tn > 1000, 'both mangled and intact formulas are well represented');
      assert.ok(precision >= 0.95 && recall >= 0.95, `precision ${precision}, recall ${recall}`);
    });
  }
});
