import katex from 'katex-vscode';
import type { Formula, MathOptions } from '../../types';

/** What KaTeX says of one formula it rejects: its own message, and where in the TeX when it knows. */
export interface KatexRejection {
  formula: number;
  message: string;
  /** Offsets into the formula's TeX. */
  start?: number;
  end?: number;
}

/** References that name an equation (`\\eqref{…}` in running text, MyST's {eq} role): resolved by the site, never typeset by KaTeX. */
const REFERENCES = new Set<Formula['delimiter']>(['ref', '{eq}']);

/**
 * Typesets each formula with KaTeX as VS Code's built-in preview does (`@vscode/markdown-it-katex`:
 * `globalGroup`, so a `\def` or `\newcommand` holds for the formulas after it, and the macros of
 * the settings) and returns the formulas it rejects. The settings' macros stand for the site's own.
 */
export function katexRejections(formulas: readonly Formula[], math: Pick<MathOptions, 'macros'>): KatexRejection[] {
  const macros: Record<string, string> = {};
  for (const [name, def] of Object.entries(math.macros))
    macros[name.startsWith('\\') ? name : `\\${name}`] = typeof def === 'string' ? def : def[0];
  const out: KatexRejection[] = [];
  formulas.forEach((f, i) => {
    if (REFERENCES.has(f.delimiter)) return;
    try {
      katex.renderToString(f.tex, {
        // The scanner's display flag, the one Mathdown typesets with: it follows
        // math.doubleDollarInText (kramdown's `$$…$$` in running text is inline) and MyST's
        // {math} directives, which a list of delimiters would get wrong.
        displayMode: f.display,
        throwOnError: true,
        globalGroup: true,
        macros,
        strict: 'ignore',
      });
    } catch (e) {
      if (!(e instanceof katex.ParseError)) throw e;
      const err = e;
      const start = err.position;
      const rejection: KatexRejection = { formula: i, message: err.rawMessage ?? err.message };
      if (typeof start === 'number' && start >= 0 && start <= f.tex.length) {
        rejection.start = start;
        rejection.end = Math.min(f.tex.length, start + Math.max(1, err.length ?? 1));
      }
      out.push(rejection);
    }
  });
  return out;
}
