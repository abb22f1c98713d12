import { TEX_COMMANDS } from '../../authoring/texCatalog';
import type { MacroDefinition, MathOptions } from '../../types';
import type { PreambleDefinition } from './parsePreamble';

let builtIns: Set<string> | undefined;

/** Whether MathJax's configured packages define `\name` (a `\providecommand` of it then does nothing, as in LaTeX). */
function isBuiltIn(name: string): boolean {
  builtIns ??= new Set(TEX_COMMANDS.map((c) => c.name));
  return builtIns.has(name);
}

/**
 * The math options with a preamble's definitions added in file order, over the macros and
 * environments already there. `\let\a\b` copies `\b`'s definition when it is a user macro known
 * at that point (LaTeX's meaning at the time of the \let), else it makes `\a` stand for `\b`.
 */
export function applyPreamble(math: MathOptions, definitions: readonly PreambleDefinition[]): MathOptions {
  if (!definitions.length) return math;
  const macros: Record<string, MacroDefinition> = { ...math.macros };
  const environments = { ...math.environments };
  for (const d of definitions) {
    if (d.kind === 'environment') environments[d.name] = d.definition;
    else if (d.kind === 'let') macros[d.name] = Object.hasOwn(macros, d.target) ? macros[d.target]! : `\\${d.target}`;
    else if (!d.provide || !(Object.hasOwn(macros, d.name) || isBuiltIn(d.name))) macros[d.name] = d.definition;
  }
  return { ...math, macros, environments };
}
