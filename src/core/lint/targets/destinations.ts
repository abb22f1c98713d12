import type { LintTarget } from '../../config/settings';
import type { Delimiter } from '../../types';

/** A Markdown renderer without math support, as the plain readings model it. */
export type PlainFlavour = 'gfm' | 'commonmark';

/**
 * Where a document is published, as the portability rules model it: which forms of math pass
 * through Markdown processing there (and which renderer's reading stands for it), whether table
 * rows are split before math is found, and what the reader is called in messages. The evidence
 * for each model is in docs/rules/README.md ("Destinations").
 */
export interface Destination {
  id: LintTarget;
  /** How messages name the place, after "in"/"on": "on github.com". */
  place: string;
  /** A short name, for the status bar. */
  label: string;
  /** Per delimiter form: the readings its text passes through before math is typeset; absent: the form keeps its TeX. */
  markdown: Partial<Record<Delimiter, readonly PlainFlavour[]>>;
  /** The reading whose table rows split at `|` inside math (MM104); absent: tables do not split math. */
  tables?: PlainFlavour;
  /** `\(…\)` and `\[…\]` reach the reader as `(…)` and `[…]` (MM107). */
  eatsBackslashDelimiters: boolean;
  /** A math engine whose own acceptance is checked (MM304), not a Markdown renderer. */
  engine?: 'katex' | 'github-mathjax';
}

/** Forms whose text a renderer without math processes like prose (math fences are code; `\(`/`\[` are MM107's). */
const PROSE_FORMS: readonly Delimiter[] = ['$', '$$', 'env', '\\\\(', '\\\\[', '$`'];

const every = (flavours: readonly PlainFlavour[]): Partial<Record<Delimiter, readonly PlainFlavour[]>> =>
  Object.fromEntries(PROSE_FORMS.map((f) => [f, flavours]));

export const DESTINATIONS: Readonly<Record<LintTarget, Destination>> = {
  // github.com renders math since 2022, but finds inline `$…$` after cmark-gfm has processed the
  // text (escapes dropped, emphasis paired), while `$$…$$` display math, `` $`…`$ `` and ```math
  // keep their TeX. Table rows split at `|` before anything else. `\(…\)` is not math there.
  github: {
    id: 'github',
    label: 'github.com',
    place: 'on github.com',
    markdown: { $: ['gfm'] },
    tables: 'gfm',
    eatsBackslashDelimiters: true,
  },
  // A renderer without math, then MathJax scanning the page (Jekyll or MkDocs without math
  // extensions, Hugo without passthrough): what the legacy default `gfm` + `commonmark` checked.
  'markdown-then-mathjax': {
    id: 'markdown-then-mathjax',
    label: 'Markdown + MathJax',
    place: 'in a Markdown renderer without math support (then MathJax on the page)',
    markdown: every(['gfm', 'commonmark']),
    tables: 'gfm',
    eatsBackslashDelimiters: true,
  },
  gfm: {
    id: 'gfm',
    label: 'GFM',
    place: 'in a GFM renderer without math support',
    markdown: every(['gfm']),
    tables: 'gfm',
    eatsBackslashDelimiters: true,
  },
  commonmark: {
    id: 'commonmark',
    label: 'CommonMark',
    place: 'in a CommonMark renderer without math support',
    markdown: every(['commonmark']),
    eatsBackslashDelimiters: true,
  },
  // pandoc's tex_math_dollars reads `$…$` and `$$…$$` itself, verbatim.
  pandoc: { id: 'pandoc', label: 'pandoc', place: 'in pandoc', markdown: {}, eatsBackslashDelimiters: true },
  // kramdown reads `$$…$$` as math (inline in running text) and keeps its TeX; a single `$` is
  // text to kramdown, processed as Markdown before MathJax on the page finds it.
  kramdown: {
    id: 'kramdown',
    label: 'kramdown',
    place: 'in kramdown (Jekyll)',
    markdown: { $: ['commonmark'] },
    eatsBackslashDelimiters: true,
  },
  // JupyterLab (and Jupyter Notebook 7) hide math from their Markdown parser before it runs
  // (@jupyterlab/rendermime's removeMath): `$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]` and
  // `\begin…\end` keep their TeX and table rows do not split inside them; a single-backslash
  // `\(…\)` is not among them, so marked turns it into `(…)` before MathJax scans the cell.
  jupyterlab: {
    id: 'jupyterlab',
    label: 'JupyterLab',
    place: 'in JupyterLab',
    markdown: {},
    eatsBackslashDelimiters: true,
  },
  katex: { id: 'katex', label: 'KaTeX', place: 'in KaTeX', markdown: {}, eatsBackslashDelimiters: false, engine: 'katex' },
  // github.com's MathJax configuration (githubMathjaxConfig.ts), checked by MM305: an engine target
  // beside `github`, which models what Markdown does to the math there.
  'github-mathjax': {
    id: 'github-mathjax',
    label: "github.com's MathJax",
    place: "in github.com's MathJax",
    markdown: {},
    eatsBackslashDelimiters: false,
    engine: 'github-mathjax',
  },
};

/** Every target name the settings accept, the legacy `gfm` and `commonmark` included. */
export const LINT_TARGETS = Object.keys(DESTINATIONS) as LintTarget[];

/** "on github.com and in kramdown (Jekyll)" for a message. */
export function targetNames(targets: readonly LintTarget[]): string {
  return targets.map((t) => DESTINATIONS[t].place).join(' and ');
}
