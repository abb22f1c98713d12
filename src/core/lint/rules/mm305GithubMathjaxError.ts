import { texErrorRange } from '../checks/texErrorRange';
import { documentEdit, documentRange } from '../checks/texSourceMap';
import { githubRejections, undefinedMacro, type GithubRejection } from '../targets/githubMathjaxCheck';
import type { TextEdit, LintRule, Problem } from '../types';

export const mm305GithubMathjaxError: LintRule = {
  id: 'MM305',
  name: 'github-mathjax-error',
  description:
    "what github.com's MathJax does not render though Mathdown does: macros GitHub refuses (`\\operatorname`, `\\phantom`, `\\DeclareMathOperator`, …), the packages it leaves out (`\\newcommand`/`\\def`, `\\bbox`, `\\href`, `\\rowcolor`, `\\require`), and Mathdown's own macros, which github.com never reads",
  tags: ['tex', 'engine'],
  defaultSeverity: 'warning',
  targets: ['github-mathjax'],
  fixable: true,
  check(ctx) {
    const out: Problem[] = [];
    for (const r of githubRejections(ctx.formulas, ctx.math)) {
      const f = ctx.formulas[r.formula];
      const map = ctx.texMap(r.formula);
      const range = where(f.tex, r);
      const [offset, endOffset] = documentRange(map, f, range);
      const fix = map.exact && r.refused?.includes('operatorname') ? operatornameFix(f.tex) : undefined;
      out.push({
        offset,
        endOffset,
        message: message(r) + (fix ? ' Quick fix: write \\mathop{\\mathrm{…}} (what \\operatorname means).' : ''),
        ...(fix ? { fix: fix.map((e) => documentEdit(map, e.offset, e.offset + e.length, e.text)) } : {}),
      });
    }
    return out;
  },
};

function message(r: GithubRejection): string {
  if (r.kind === 'refused') {
    const names = r.refused!.map((n) => `\\${n}`).join(', ');
    return `github.com refuses every formula that names ${names}: the reader there sees this formula's TeX source and GitHub's message "${r.error.message}".`;
  }
  const macro = undefinedMacro(r.error);
  if (macro !== undefined) {
    const seen = `the reader there sees \\${macro} in red`;
    if (r.missingPackage)
      return `github.com's MathJax has no \\${macro} (GitHub leaves out MathJax's ${r.missingPackage} package), so ${seen}${r.missingPackage === 'newcommand' ? ', and whatever it defines is undefined in the formulas after it' : ''}.`;
    if (r.fromSettings)
      return `\\${macro} is one of Mathdown's macros (math.macros, a preamble file or the front matter), which github.com never reads, and \\newcommand is off there: ${seen}.`;
    return `github.com's MathJax has no \\${macro} (nor can a \\newcommand define it there), so ${seen}.`;
  }
  if (r.missingPackage)
    return `github.com's MathJax lacks this environment (GitHub leaves out MathJax's ${r.missingPackage} package), so the reader there sees MathJax's error in its place: ${r.error.message}.`;
  if (r.fromSettings)
    return `This environment is one of Mathdown's (math.environments), which github.com never reads, so the reader there sees MathJax's error in its place: ${r.error.message}.`;
  return `github.com's MathJax rejects this formula, so the reader there sees its error in its place: ${r.error.message}.`;
}

/** The characters of the TeX to underline: the first refused macro, or where MathJax stopped. */
function where(tex: string, r: GithubRejection): [number, number] | undefined {
  if (r.kind === 'refused') {
    const name = `\\${r.refused![0]}`;
    const at = tex.indexOf(name);
    return at < 0 ? undefined : [at, at + name.length];
  }
  return texErrorRange(tex, r.error);
}

/**
 * `\operatorname{x}` → `\mathop{\mathrm{x}}`, `\operatorname*{x}` → `\mathop{\mathrm{x}}\limits`: the
 * same operator spacing and upright name, in macros github.com allows. Undefined when an
 * occurrence has no braced argument (then there is nothing safe to rewrite).
 */
function operatornameFix(tex: string): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const m of tex.matchAll(/\\operatorname(\*?)(?![A-Za-z])\s*\{/g)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < tex.length; i++) {
      if (tex[i] === '\\') i++;
      else if (tex[i] === '{') depth++;
      else if (tex[i] === '}' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0) return undefined;
    edits.push({ offset: m.index, length: open + 1 - m.index, text: '\\mathop{\\mathrm{' });
    edits.push({ offset: close, length: 1, text: m[1] ? '}}\\limits' : '}}' });
  }
  const named = (tex.match(/\\operatorname(?![A-Za-z])/g) ?? []).length;
  return edits.length && edits.length === named * 2 ? edits : undefined;
}
