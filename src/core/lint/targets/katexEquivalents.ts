/**
 * Rewrites of TeX that KaTeX rejects into TeX that KaTeX and MathJax both read the same way, as
 * data: each matches at the offending command (or, for errors KaTeX gives no position for, by its
 * message anywhere in the formula).
 */
export interface KatexEquivalent {
  /** Matched at the error's position (sticky), or searched for in the TeX when `byMessage` matches. */
  pattern: RegExp;
  /** KaTeX messages without a position that this rewrite answers. */
  byMessage?: RegExp;
  replacement: string;
  /** For the message: what the quick fix does, as a sentence. */
  says: string;
}

export const KATEX_EQUIVALENTS: readonly KatexEquivalent[] = [
  { pattern: /\\mbox(?![A-Za-z])/y, replacement: '\\text', says: 'write `\\text`, which KaTeX and MathJax read alike.' },
  { pattern: /\\emph(?![A-Za-z])/y, replacement: '\\textit', says: 'write `\\textit`, which KaTeX and MathJax read alike.' },
  { pattern: /\\mathbbm(?![A-Za-z])/y, replacement: '\\mathbb', says: 'write `\\mathbb`, which KaTeX and MathJax read alike.' },
  { pattern: /\\sp(?![A-Za-z])/y, replacement: '^', says: 'write `^`, which KaTeX and MathJax read alike.' },
  { pattern: /\\sb(?![A-Za-z])/y, replacement: '_', says: 'write `_`, which KaTeX and MathJax read alike.' },
  { pattern: /\\mspace\{([^{}\n]*)\}/y, replacement: '\\mkern$1', says: 'write `\\mkern`, which KaTeX and MathJax read alike.' },
  {
    pattern: /\\require\{[^{}\n]*\}[ \t]*/y,
    replacement: '',
    says: 'remove the `\\require`: KaTeX loads no extensions, and Mathdown loads its packages itself.',
  },
  {
    pattern: /\\DeclareMathOperator(\*?)\{(\\[A-Za-z]+)\}\{([^{}\n]*)\}/y,
    replacement: '\\def$2{\\operatorname$1{$3}}',
    says: 'define the operator with `\\def` and `\\operatorname`, which KaTeX and MathJax read alike.',
  },
  {
    pattern: /\\newcommand(?![A-Za-z])/g,
    byMessage: /attempting to redefine/,
    replacement: '\\renewcommand',
    says: 'write `\\renewcommand`: KaTeX defines the name already, MathJax accepts either.',
  },
];

/** The rewrite for a rejection: the TeX range it replaces and the new text, if one applies. */
export function katexEquivalent(
  tex: string,
  message: string,
  start: number | undefined,
): { start: number; end: number; text: string; says: string } | undefined {
  for (const eq of KATEX_EQUIVALENTS) {
    const m = eq.byMessage ? (eq.byMessage.test(message) ? redefinition(tex, message, eq.pattern) : null) : at(eq.pattern, tex, start);
    if (m)
      return {
        start: m.index,
        end: m.index + m[0].length,
        text: m[0].replace(new RegExp(eq.pattern.source), eq.replacement),
        says: eq.says,
      };
  }
  return undefined;
}

function at(pattern: RegExp, tex: string, start: number | undefined): RegExpExecArray | null {
  if (start === undefined) return null;
  pattern.lastIndex = start;
  return pattern.exec(tex);
}

/** The `\newcommand` of the name KaTeX says is redefined. */
function redefinition(tex: string, message: string, pattern: RegExp): RegExpExecArray | null {
  const name = /redefine (\\[A-Za-z]+)/.exec(message)?.[1];
  if (!name) return null;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(tex); m; m = pattern.exec(tex)) {
    const after = tex.slice(m.index + m[0].length);
    if (new RegExp(`^\\{?${name.replace(/\\/g, '\\\\')}(?![A-Za-z])`).test(after)) return m;
  }
  return null;
}
