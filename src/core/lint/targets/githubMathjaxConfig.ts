// How github.com configures MathJax for the math in Markdown, as data. Its `<math-renderer>`
// element (a lazily loaded chunk on github.githubassets.com) runs MathJax 3.2 with every package of
// MathJax's `AllPackages` but the ones below, and refuses outright any formula that names one of
// the refused macros ("The following macros are not allowed: operatorname"). The evidence, and
// what is not modelled, is in docs/rules/README.md ("The evidence for github-mathjax").

/** MathJax packages github.com leaves out of `AllPackages`. */
export const GITHUB_REMOVED_PACKAGES: readonly string[] = Object.freeze([
  'noerrors',
  'bbox',
  'html',
  'require',
  'newcommand',
  'action',
  'colortbl',
]);

/**
 * Macros GitHub's element refuses before MathJax sees the formula: a formula naming one of them
 * shows as its TeX source with GitHub's message, whatever MathJax would do with it.
 */
export const GITHUB_REFUSED_MACROS: readonly string[] = Object.freeze([
  'DeclareMathOperator',
  'DeclarePairedDelimiters',
  'renewtagform',
  'newtagform',
  'colorbox',
  'fcolorbox',
  'hphantom',
  'vphantom',
  'phantom',
  'operatorname',
  'Newextarrow',
  'definecolor',
  'mathchoice',
  'unicode',
  'mmlToken',
]);
