// The github-mathjax target: MM305 reports what MathJax configured as github.com configures it
// rejects, with messages that name github.com and what its reader sees; on the shared corpus when
// this machine has it, the count is printed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import { lint } from '../../src/core/lint';
import { GITHUB_PACKAGES, githubRejections } from '../../src/core/lint/targets/githubMathjaxCheck';
import { GITHUB_REMOVED_PACKAGES } from '../../src/core/lint/targets/githubMathjaxConfig';
import { OPTIONAL_TEX_PACKAGES, TEX_PACKAGES } from '../../src/core/mathjax/texPackages';
import { parseMarkdown } from '../../src/core/markdown';
import { DEFAULT_MATH_OPTIONS } from '../../src/core/types';
import { corpusDir, corpusDocuments } from './helpers/sharedCorpus';

const mm305 = (text: string, macros: Record<string, string> = {}) =>
  lint(text, { targets: ['github-mathjax'], math: { ...DEFAULT_MATH_OPTIONS, macros } }).filter((d) => d.rule === 'MM305');

describe('github-mathjax target', () => {
  it("github.com's packages are MathJax's AllPackages without the removed ones; Mathdown enables bbox, colortbl, html and newcommand beyond them", () => {
    for (const p of GITHUB_REMOVED_PACKAGES.filter((p) => p !== 'require'))
      assert.ok(AllPackages.includes(p), `${p} is one of MathJax's packages`);
    assert.ok(!GITHUB_PACKAGES.some((p) => GITHUB_REMOVED_PACKAGES.includes(p)));
    assert.deepEqual(
      TEX_PACKAGES.filter((p) => !GITHUB_PACKAGES.includes(p)),
      ['bbox', 'colortbl', 'html', 'newcommand'],
      'what docs/rules/README.md says Mathdown has and github.com lacks',
    );
    assert.deepEqual(
      OPTIONAL_TEX_PACKAGES.filter((p) => !GITHUB_PACKAGES.includes(p)),
      ['physics'],
    );
  });

  it('is silent unless github-mathjax is a target, and on formulas github.com renders', () => {
    assert.deepEqual(
      lint('$\\operatorname{rk} A$\n').filter((d) => d.rule === 'MM305'),
      [],
    );
    assert.deepEqual(mm305('$\\frac{a}{b}$, $\\ce{H2O}$, $\\braket{a|b}$, $\\cancel{x}$, $\\mathbb{R}$, $\\text{if } x$\n'), []);
  });

  it('a refused macro: github.com shows the source and its message; the quick fix writes \\mathop{\\mathrm{…}}', () => {
    const text = 'The rank $\\operatorname{rk}(A)$ and $\\operatorname*{arg\\,max}_x f$.\n';
    const [a, b] = mm305(text);
    assert.match(
      a!.message,
      /github\.com refuses every formula that names \\operatorname: the reader there sees this formula's TeX source and GitHub's message "The following macros are not allowed: operatorname"/,
    );
    assert.equal(text.slice(a!.offset, a!.endOffset), '\\operatorname');
    assert.deepEqual(a!.fix, [
      { offset: 10, length: 14, text: '\\mathop{\\mathrm{' },
      { offset: 26, length: 1, text: '}}' },
    ]);
    assert.ok(b!.fix?.some((e) => e.text === '}}\\limits'));
    assert.match(mm305('$x \\phantom{y}$\n')[0]!.message, /names \\phantom/);
  });

  it('a macro of a package GitHub leaves out shows in red there; the message names the package', () => {
    const [bbox] = mm305('A box $\\bbox[yellow]{x}$.\n');
    assert.match(
      bbox!.message,
      /github\.com's MathJax has no \\bbox \(GitHub leaves out MathJax's bbox package\), so the reader there sees \\bbox in red\./,
    );
    const [def] = mm305('$$\n\\newcommand{\\norm}[1]{\\lVert #1 \\rVert}\n\\norm{x}\n$$\n');
    assert.match(def!.message, /no \\newcommand \(GitHub leaves out MathJax's newcommand package\).*undefined in the formulas after it/);
    assert.match(mm305('$\\href{https://example.com}{x}$\n')[0]!.message, /html package/);
    assert.match(mm305('$$\n\\begin{array}{c} \\rowcolor{red} x \\end{array}\n$$\n')[0]!.message, /colortbl package/);
  });

  it("Mathdown's own macros never reach github.com", () => {
    const [d] = mm305('$x \\in \\R$\n', { R: '\\mathbb{R}' });
    assert.match(
      d!.message,
      /\\R is one of Mathdown's macros \(math\.macros, a preamble file or the front matter\), which github\.com never reads/,
    );
  });

  it('checks each formula in the mode it is typeset in, and never the references in running text', () => {
    const formulas = parseMarkdown('See \\eqref{a}.\n\n$$\nx \\tag{1}\n$$\n').formulas;
    assert.deepEqual(githubRejections(formulas, DEFAULT_MATH_OPTIONS), []);
  });

  it('on the shared corpus: how many formulas github.com would not render as Mathdown does', () => {
    if (!corpusDir()) {
      console.log('NOTE: ../shared/corpus is not on this machine; MM305 checked on the examples above only.');
      return;
    }
    let formulas = 0;
    const byKind = new Map<string, number>();
    for (const { text } of corpusDocuments()) {
      const parsed = parseMarkdown(text).formulas;
      formulas += parsed.length;
      for (const r of githubRejections(parsed, DEFAULT_MATH_OPTIONS)) {
        const key =
          r.kind === 'refused' ? `refused ${r.refused!.join(',')}` : r.missingPackage ? `package ${r.missingPackage}` : r.error.id;
        byKind.set(key, (byKind.get(key) ?? 0) + 1);
      }
    }
    console.log(
      `github-mathjax on the corpus: ${formulas} formulas; MM305 on ${[...byKind.values()].reduce((a, b) => a + b, 0)}: ${[...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
  });
});
