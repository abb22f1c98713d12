// The known disagreements between the portability rules (MM101–MM108) and the oracle, each with
// its cause. lintOracle.test.ts asserts that the misses it finds are exactly these: a new miss, or
// a listed one that no longer occurs, fails the test. Not a test file.
import type { OracleRenderer } from './lintOracle';
import type { OracleMiss } from './lintOracleScore';

export interface KnownMiss extends Pick<OracleMiss, 'kind' | 'renderer' | 'doc' | 'line' | 'formula'> {
  reason: string;
}

const RULE_OF_THREE_GEN1 =
  'CommonMark\'s "rule of three": the closing `**` may not pair with the nearer `*` of `x^*_i` (both runs can open and close, and 1 + 2 is a multiple of 3), so it pairs with the `**` of `$<http://x.y>**`a|$` and disappears. Marked, which the linter reads emphasis with, has no rule of three here and pairs neither.';
const UNDERSCORE_RUN_GEN244 =
  'Marked, which the linter reads emphasis with, pairs the `_` of `x^*_i` with one `_` of the `__` in the next formula; CommonMark pairs that whole `__` run with the `__` opening the paragraph (strong emphasis), so this formula keeps its `_`. (The next formula is really mangled, and flagged.)';
const TILDE_028 =
  "cmark-gfm 0.28 (the npm asm.js build) pairs a `~` with a `~~`, runs of different lengths, as strikethrough; cmark-gfm 0.29 (Debian's, and GitHub) and the linter pair only runs of equal length, so the formula survives there.";

const misses = (renderer: OracleRenderer, list: Array<[OracleMiss['kind'], string, number, string, string]>): KnownMiss[] =>
  list.map(([kind, doc, line, formula, reason]) => ({ kind, renderer, doc, line, formula, reason }));

/** On the generated documents (lintGenerator.ts, seeds 1–300). The fixtures have none. */
export const KNOWN_MISSES: readonly KnownMiss[] = [
  ...misses('cmark-gfm', [
    ['missed', 'gen1', 7, '$aae^{i\\pi}**$', RULE_OF_THREE_GEN1],
    ['missed', 'gen21', 6, '$~f(x)y^2\\frac{a}{b}$', TILDE_028],
    ['missed', 'gen179', 15, '$[0,1] a 1 ~$', TILDE_028],
    ['missed', 'gen179', 15, '$~~ \\alpha$', TILDE_028],
    ['missed', 'gen228', 4, '$~~ \\sum_{i=1}^n$', TILDE_028],
    ['false positive', 'gen244', 24, '$e^{i\\pi} f(x) x^*_i$', UNDERSCORE_RUN_GEN244],
  ]),
  ...misses('cmark-gfm-cli', [
    ['missed', 'gen1', 7, '$aae^{i\\pi}**$', RULE_OF_THREE_GEN1],
    ['false positive', 'gen244', 24, '$e^{i\\pi} f(x) x^*_i$', UNDERSCORE_RUN_GEN244],
  ]),
  ...misses('marked-gfm', [
    [
      'missed',
      'gen128',
      13,
      '$x$',
      "Marked splits a table row at `\\\\|` (it counts the backslashes), so this row has one cell more than the header and the cell holding `$x$` is dropped. GitHub's cmark-gfm reads `\\\\|` as `\\` and an escaped pipe, and the linter follows GitHub (MM104 names that `\\|`).",
    ],
  ]),
  ...misses('commonmark.js', [
    ['missed', 'gen1', 7, '$aae^{i\\pi}**$', RULE_OF_THREE_GEN1],
    [
      'missed',
      'gen155',
      10,
      '$|^*~~$',
      'CommonMark\'s "rule of three": the `*` of `a*b` may not close on the `**` of `$~~**1$` (both can open and close, and 2 + 1 is a multiple of 3), so it pairs with the `*` here, which disappears. Marked, which the linter reads emphasis with, pairs neither.',
    ],
    ['false positive', 'gen244', 24, '$e^{i\\pi} f(x) x^*_i$', UNDERSCORE_RUN_GEN244],
  ]),
];

const PUMPKIN_CH4 = 'corpus/datawhalechina__pumpkin-book__docs__chapter4__chapter4.md';
const DIFFUSION = 'corpus/lilianweng__lil-log___posts__2021-07-11-diffusion-models.md';
const A_STAR_PUMPKIN =
  'A rule miss: the `*` of the earlier `$A \\backslash\\{a_*\\}$` on the line pairs with this one in CommonMark and cmark-gfm (beside `_`, which CommonMark counts as punctuation, both `*` can open and close); Marked, which the linter reads emphasis with, treats `_*` as inside a word and pairs neither.';
const SAME_TEXT_DIFFUSION =
  "Not a rule miss: the oracle's text matching. The same `$$L_\\text{VLB}$$` twice on one line, and its text once in the output: the rules flag the first, which loses its `_` to emphasis, and not the second, which is intact. As many formulas are found whichever of the two the intact text is given to, so the oracle cannot tell them apart and gives it to the first (a false positive), leaving the second (missed). One formula, rightly flagged, and one rightly not.";

/**
 * On the real documents of ../shared/corpus (when the machine has it), MM101–MM108 under
 * markdown-then-mathjax against cmark-gfm (`renderer`) or commonmark.js: a formula is mangled
 * when either renderer mangles it.
 */
export const KNOWN_CORPUS_MISSES: readonly KnownMiss[] = (['cmark-gfm', 'cmark-gfm-cli'] as const).flatMap((renderer) =>
  misses(renderer, [
    ['missed', PUMPKIN_CH4, 25, '$a_*$', A_STAR_PUMPKIN],
    ['false positive', DIFFUSION, 298, '$$L_\\text{VLB}$$', SAME_TEXT_DIFFUSION],
    ['missed', DIFFUSION, 298, '$$L_\\text{VLB}$$', SAME_TEXT_DIFFUSION],
  ]),
);
