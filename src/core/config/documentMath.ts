import { frontMatterMath } from '../markdown/frontMatterMath';
import type { MacroDefinition, MathOptions } from '../types';
import { applyPreamble } from './preamble/applyPreamble';
import { parsePreamble } from './preamble/parsePreamble';

/**
 * The math options for one document: the settings' (with the preamble files already in), then the
 * macros of its front matter on top (header-includes first, then MyST's `math:`). The document's
 * own \newcommands come last, in MathJax, formula by formula. Without front matter macros, `math` itself.
 */
export function documentMath(text: string, math: MathOptions): MathOptions {
  const fm = frontMatterMath(text);
  if (!fm) return math;
  let out = fm.headerIncludes ? applyPreamble(math, parsePreamble(fm.headerIncludes).definitions) : math;
  if (fm.macros.length) {
    const macros: Record<string, MacroDefinition> = { ...out.macros };
    for (const m of fm.macros) macros[m.name] = m.args ? [m.definition, m.args] : m.definition;
    out = { ...out, macros };
  }
  return out;
}
