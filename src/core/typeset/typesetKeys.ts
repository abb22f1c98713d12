// Content hashes that identify what determines a typeset result. Shared by both threads.
import { createHash } from 'node:crypto';
import type { EngineConfig } from './typesetProtocol';

function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(`${part.length}:${part}`);
  return h.digest('base64url');
}

/** What a typeset result is looked up by, before its numbering dependencies are considered. */
export interface FormulaKey {
  /** The user-definitions state in force (see typesetKeys). */
  readonly definitions: string;
  readonly display: boolean;
  readonly tex: string;
}

export function configKey(config: EngineConfig): string {
  const macros = Object.keys(config.macros)
    .sort()
    .map((name) => [name, config.macros[name]]);
  return hash('config', JSON.stringify([macros, config.equationNumbers, config.fontCache, config.assistiveMml, config.styleClasses]));
}

/** The definitions state at the start of a document: only the configuration's macros. */
export function initialDefinitions(configKeyValue: string): string {
  return hash('definitions', configKeyValue);
}

/** The definitions state after a formula that defined something (the sequence identifies the state). */
export function nextDefinitions(before: string, tex: string, display: boolean): string {
  return hash('step', before, display ? 'D' : 'I', tex);
}

/** Cache key of a formula before its numbering dependencies are considered. */
export function formulaKey(definitions: string, tex: string, display: boolean): FormulaKey {
  return { definitions, display, tex };
}

/** Per-formula prefix of the ids in a 'local' SVG font cache: deterministic, distinct between formulas. */
export function localGlyphId(tex: string, display: boolean): string {
  return 'L' + hash('glyphs', display ? 'D' : 'I', tex).slice(0, 10).replace(/[-_]/g, 'x');
}

/** The class that stands for a style attribute (see styleClasses): deterministic, distinct per declaration text. */
export function styleClassName(declarations: string): string {
  return 'mjx-s' + hash('style', declarations).slice(0, 10);
}
