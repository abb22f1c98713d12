import type { Formula, MathOptions } from '../types';
import { withoutComments } from './labelSites';

/** One place an equation number can be drawn: a display formula, or one row of a multi-row environment. */
export interface EquationRow {
  formulaIndex: number;
  /** The row's span in the formula's TeX. */
  texStart: number;
  texEnd: number;
  /** What is drawn: `3` for the third automatic number, the text of `\tag{…}`; absent when nothing is. */
  number?: string;
  /** True for a `\tag{…}`. */
  tagged: boolean;
}

/** AMS environments that number their rows (or, for `equation` and `multline`, the whole). */
const NUMBERED = new Set(['equation', 'align', 'gather', 'multline', 'flalign', 'alignat', 'xalignat', 'xxalignat', 'eqnarray']);
const SINGLE = new Set(['equation', 'multline']);

/**
 * The equation rows of every display formula, numbered as MathJax numbers them with
 * `equationNumbers` (`ams`: the numbered AMS environments; `all`: every display formula, starred
 * environments aside; `none`: only `\tag`). Rows are split at the top level of the formula's
 * outermost environment; `\notag`/`\nonumber` leave a row unnumbered.
 */
export function equationRows(formulas: readonly Formula[], equationNumbers: MathOptions['equationNumbers']): EquationRow[] {
  const out: EquationRow[] = [];
  let counter = 0;
  formulas.forEach((f, formulaIndex) => {
    if (!f.display || f.delimiter === 'ref') return;
    const tex = withoutComments(f.tex);
    const env = outerEnvironment(tex);
    const name = env?.name.replace(/\*$/, '');
    const starred = env?.name.endsWith('*') ?? false;
    const numbersRows =
      equationNumbers === 'none'
        ? false
        : name !== undefined && NUMBERED.has(name)
          ? !starred
          : (equationNumbers === 'all' && !(env && starred)) ||
            // MyST numbers a labelled equation: its TeX goes into an equation environment (typesetJobOf).
            f.label !== undefined;
    const rows = env && name && NUMBERED.has(name) && !SINGLE.has(name) ? splitRows(tex, env.bodyStart, env.bodyEnd) : [[0, tex.length]];
    for (const [start, end] of rows) {
      const body = tex.slice(start, end);
      const tag = /\\tag\*?\s*\{([^{}]*)\}/.exec(body);
      const row: EquationRow = { formulaIndex, texStart: start, texEnd: end, tagged: !!tag };
      if (tag) row.number = tag[1]!.trim();
      else if (numbersRows && !/\\(?:notag|nonumber)(?![A-Za-z])/.test(body) && !(rows.length > 1 && !body.trim()))
        row.number = String(++counter);
      out.push(row);
    }
  });
  return out;
}

/** The environment a formula's TeX is made of, when it is one `\begin{name}…\end{name}`. */
function outerEnvironment(tex: string): { name: string; bodyStart: number; bodyEnd: number } | undefined {
  const open = /^\s*\\begin\s*\{([A-Za-z]+\*?)\}/.exec(tex);
  if (!open) return undefined;
  const name = open[1]!;
  const close = new RegExp(`\\\\end\\s*\\{${name.replace('*', '\\*')}\\}\\s*$`).exec(tex);
  if (!close) return undefined;
  return { name, bodyStart: open[0].length, bodyEnd: close.index };
}

/** Spans of the rows between `from` and `to`: split at `\\` outside braces and nested environments. */
function splitRows(tex: string, from: number, to: number): Array<[number, number]> {
  const rows: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = tex[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\\') {
      if (tex.startsWith('\\begin', i) && !/[A-Za-z]/.test(tex[i + 6] ?? '')) depth++;
      else if (tex.startsWith('\\end', i) && !/[A-Za-z]/.test(tex[i + 4] ?? '')) depth = Math.max(0, depth - 1);
      else if (tex[i + 1] === '\\' && depth === 0) {
        rows.push([start, i]);
        start = i + 2;
      }
      i++;
    }
  }
  rows.push([start, to]);
  return rows;
}
