import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LintTarget } from '../../src/core/config/settings';
import { lint } from '../../src/core/lint';
import { parseMarkdown } from '../../src/core/markdown';
import { generateDocument } from './lintGenerator';
import { cmarkGfmCliVersion, type OracleRenderer } from './lintOracle';
import { corpusDir, corpusDocuments } from './helpers/sharedCorpus';
import { KNOWN_CORPUS_MISSES, KNOWN_MISSES } from './lintOracleMisses';
import {
  CATALOGUE_RULES,
  describeMiss,
  missKey,
  PORTABILITY_RULES,
  precision,
  recall,
  scoreRules,
  summary,
  type OracleDocument,
  type OracleScore,
} from './lintOracleScore';

// The portability rules must flag exactly the formulas that a Markdown renderer without math
// support mangles. The oracle renders each document and looks for each formula's text. Every
// disagreement is printed with its cause, and must be one of KNOWN_MISSES.
const DIR = path.join(__dirname, '../../../test/fixtures/lint');
const GENERATED = 300;
const CLI_VERSION = cmarkGfmCliVersion();
const ORACLES: Array<[LintTarget, OracleRenderer]> = [
  ['gfm', 'cmark-gfm'],
  ['gfm', 'cmark-gfm-cli'],
  ['gfm', 'marked-gfm'],
  ['commonmark', 'commonmark.js'],
];

/**
 * Fixtures the oracle does not score: pandoc's and the suppressions' test other things, and
 * targets.md holds forms (doubled delimiters) that MM205, a delimiter rule, reports instead.
 */
const NOT_SCORED: ReadonlySet<string> = new Set(['pandoc.md', 'suppression.md', 'targets.md']);

const SETS: Record<'fixtures' | 'generated' | 'corpus', OracleDocument[]> = {
  fixtures: readdirSync(DIR)
    .filter((f) => f.endsWith('.md') && !NOT_SCORED.has(f))
    .map((f) => ({ name: f, text: readFileSync(path.join(DIR, f), 'utf8') })),
  generated: Array.from({ length: GENERATED }, (_, i) => ({ name: `gen${i + 1}`, text: generateDocument(i + 1) })),
  // The real documents of ../shared/corpus when this machine has it; a clone has none (the test says so).
  corpus: corpusDocuments(),
};

const scores = new Map<string, OracleScore>();
function scored(set: keyof typeof SETS, target: LintTarget, renderer: OracleRenderer, rules: ReadonlySet<string>): OracleScore {
  const key = `${set} ${renderer} ${[...rules].join()}`;
  if (!scores.has(key)) scores.set(key, scoreRules(SETS[set], target, renderer, rules));
  return scores.get(key)!;
}

function rendererName(renderer: OracleRenderer): string {
  return renderer === 'cmark-gfm-cli' ? `the cmark-gfm program (${CLI_VERSION ?? 'not installed'})` : renderer;
}

/** CI installs cmark-gfm (scripts/e2e/setup.sh) and must run this check; elsewhere say loudly that it did not run. */
function cliMissing(): boolean {
  if (CLI_VERSION) return false;
  const message =
    'cmark-gfm is not installed, so the portability rules were NOT checked against the real cmark-gfm program. Install it with: sudo apt-get install --no-install-recommends cmark-gfm';
  assert.ok(!process.env.CI, message);
  console.log(`NOTE: ${message}`);
  return true;
}

describe('portability rules against real renderers', () => {
  for (const [target, renderer] of ORACLES) {
    for (const set of ['fixtures', 'generated'] as const) {
      const what = set === 'fixtures' ? 'fixtures' : `${GENERATED} generated documents`;

      it(`${what}: MM101–MM108 (target ${target}) agree with ${rendererName(renderer)}; precision and recall ≥ 0.95, every miss a known one`, () => {
        if (renderer === 'cmark-gfm-cli' && cliMissing()) return;
        const s = scored(set, target, renderer, PORTABILITY_RULES);
        console.log(`${what}, the portability rules MM101–MM108, target ${target} vs ${rendererName(renderer)}: ${summary(s)}`);
        const known = new Map(
          KNOWN_MISSES.filter((k) => k.renderer === renderer && SETS[set].some((d) => d.name === k.doc)).map((k) => [missKey(k), k.reason]),
        );
        for (const m of s.misses)
          console.log(
            `  ${describeMiss(m, known.get(missKey(m)) ?? 'NOT A KNOWN MISS: find its cause, then fix the rule or list it in lintOracleMisses.ts')}`,
          );
        for (const k of known.keys())
          if (!s.misses.some((m) => missKey(m) === k)) console.log(`  listed in lintOracleMisses.ts but no longer a miss: ${k}`);
        assert.deepEqual(s.misses.map(missKey).sort(), [...known.keys()].sort(), 'the misses are exactly the known ones');
        if (set === 'fixtures') assert.ok(s.tp > 20, 'the fixtures hold mangled formulas');
        else assert.ok(s.tp > 1000 && s.tn > 1000, 'both mangled and intact formulas are well represented');
        assert.ok(precision(s) >= 0.95 && recall(s) >= 0.95, `precision ${precision(s)}, recall ${recall(s)}`);
      });

      it(`${what}: MM101–MM107 alone vs ${rendererName(renderer)}; each formula they miss beyond MM101–MM108's misses is flagged by MM108`, () => {
        if (renderer === 'cmark-gfm-cli' && cliMissing()) return;
        const all = new Set(scored(set, target, renderer, PORTABILITY_RULES).misses.map(missKey));
        const s = scored(set, target, renderer, CATALOGUE_RULES);
        const extra = s.misses.filter((m) => !all.has(missKey(m)));
        console.log(
          `${what}, the catalogue's MM101–MM107 without MM108, target ${target} vs ${rendererName(renderer)}: ${summary(s)}; ${extra.length} formulas missed only because MM108 is left out (code spans, links and code blocks, which MM101–MM107 do not cover):`,
        );
        for (const m of extra) {
          const mm108 = m.diagnostics.find((d) => d.rule === 'MM108');
          console.log(`  ${describeMiss(m, mm108 ? `MM108 ${mm108.line}:${mm108.column}: ${mm108.message}` : 'NOT FLAGGED BY MM108')}`);
          assert.ok(m.kind === 'missed' && mm108, `${missKey(m)} is a formula MM108 flags`);
        }
        assert.ok(precision(s) >= 0.95, `precision ${precision(s)}`);
      });
    }
  }

  // The destination that stands for the legacy default `gfm` + `commonmark`: a renderer without math
  // support that may be either, so a formula is mangled there when cmark-gfm or commonmark.js mangles it.
  for (const gfm of ['cmark-gfm', 'cmark-gfm-cli'] as const) {
    for (const set of ['fixtures', 'generated', 'corpus'] as const) {
      it(`${set}: MM101–MM108 under markdown-then-mathjax vs ${rendererName(gfm)} or commonmark.js: precision and recall ≥ 0.98`, () => {
        if (gfm === 'cmark-gfm-cli' && cliMissing()) return;
        if (set === 'corpus' && !corpusDir()) {
          console.log(
            'NOTE: ../shared/corpus is not on this machine; markdown-then-mathjax scored on the fixtures and generated documents only.',
          );
          return;
        }
        const s = scoreRules(SETS[set], 'markdown-then-mathjax', [gfm, 'commonmark.js'], PORTABILITY_RULES);
        console.log(`${set}, MM101–MM108, target markdown-then-mathjax vs ${rendererName(gfm)} or commonmark.js: ${summary(s)}`);
        // On the real documents every disagreement is accounted for, as on the generated ones per renderer.
        const known =
          set === 'corpus' ? new Map(KNOWN_CORPUS_MISSES.filter((k) => k.renderer === gfm).map((k) => [missKey(k), k.reason])) : undefined;
        for (const m of s.misses)
          console.log(
            `  ${describeMiss(m, known ? (known.get(missKey(m)) ?? 'NOT A KNOWN MISS: find its cause, then fix the rule or list it in lintOracleMisses.ts') : 'see the per-renderer misses above')}`,
          );
        if (known) {
          for (const k of known.keys())
            if (!s.misses.some((m) => missKey(m) === k)) console.log(`  listed in lintOracleMisses.ts but no longer a miss: ${k}`);
          assert.deepEqual(s.misses.map(missKey).sort(), [...known.keys()].sort(), 'the misses are exactly the known ones');
          assert.ok(s.tp > 100 && s.tn > 1000, 'the corpus holds both mangled and intact formulas');
        }
        assert.ok(precision(s) >= 0.98 && recall(s) >= 0.98, `precision ${precision(s)}, recall ${recall(s)}`);
      });
    }
  }

  it('MM106 is not scored: the display math it flags never closes, so it is no formula the oracle could judge', () => {
    const docs = [...SETS.fixtures, ...SETS.generated];
    let flagged = 0;
    for (const { text } of docs) {
      const formulas = parseMarkdown(text).formulas;
      for (const d of lint(text, { targets: ['gfm', 'commonmark'], formulas }).filter((x) => x.rule === 'MM106')) {
        flagged++;
        assert.ok(
          !formulas.some((f) => d.offset >= f.offset && d.offset < f.endOffset),
          `MM106 at ${d.line}:${d.column} lies inside no formula`,
        );
      }
    }
    console.log(
      `MM106 (blank-line-in-display-math) is not scored by the oracle: an opener whose closer comes after a blank line never closes, in Mathdown as in every other renderer, so there is no formula to find mangled or intact. ${flagged} MM106 diagnostics in the fixtures and generated documents, none inside a formula; test/fixtures/lint/blank-lines.md checks the rule itself.`,
    );
    assert.ok(flagged > 0, 'the fixtures exercise MM106');
  });
});
