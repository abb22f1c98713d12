import type { TexError } from '../types';
import type { TypesetJob } from './typesetter';

const OPEN = '\\begin{equation}';
/** A numbered AMS environment as the whole formula: it numbers itself, so the label goes inside it. */
const NUMBERED_ENVIRONMENT = /^\s*\\begin\{(equation|align|gather|multline|flalign|alignat|eqnarray)\}[\s\S]*\\end\{\1\}\s*$/;

/**
 * What MathJax typesets for a formula: its TeX, except for MyST's labelled display equations
 * (`$$ … $$ (label)`, `{math}` with `:label:`), which MyST numbers: the TeX goes into an
 * `equation` environment with `\label{label}`, so that MathJax numbers it in sequence with the
 * other numbered equations and links `\eqref{label}` (and `{eq}` references) to it.
 */
export function typesetJobOf(f: { tex: string; display: boolean; label?: string }): TypesetJob {
  if (f.label === undefined) return f;
  const label = `\\label{${f.label}}`;
  const env = NUMBERED_ENVIRONMENT.exec(f.tex);
  if (env) {
    const end = f.tex.lastIndexOf(`\\end{${env[1]}}`);
    return { tex: f.tex.slice(0, end) + label + f.tex.slice(end), display: true };
  }
  return { tex: `${OPEN}${f.tex}${label}\\end{equation}`, display: true };
}

/** MathJax's error for `typesetJobOf(f)`, its offset moved back into the formula's own TeX. */
export function errorInFormula(f: { tex: string; label?: string }, error: TexError): TexError {
  if (f.label === undefined || error.offset === undefined || NUMBERED_ENVIRONMENT.test(f.tex)) return error;
  return { ...error, offset: Math.min(f.tex.length, Math.max(0, error.offset - OPEN.length)) };
}
