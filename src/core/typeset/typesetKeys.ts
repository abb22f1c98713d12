// Content hashes that identify what determines a typeset result. Shared by both threads.
import { base64 } from '../hash/base64';
import { sha256 } from '../hash/sha256';
import type { EngineConfig } from './typesetProtocol';

/** SHA-256 of the parts, each prefixed with its length so that no two lists of parts hash the same text. */
function hash(...parts: string[]): string {
  return base64(sha256(parts.map((part) => `${part.length}:${part}`).join('')), true);
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
  const declared = config.environments ?? {};
  const environments = Object.keys(declared)
    .sort()
    .map((name) => [name, declared[name]]);
  const packages = config.packages ?? [];
  // Without environments or packages, the key stays what it was, so saved formula caches stay valid.
  const extra = environments.length || packages.length ? [environments, packages] : [];
  return hash(
    'config',
    JSON.stringify([macros, config.equationNumbers, config.fontCache, config.assistiveMml, config.styleClasses, ...extra]),
  );
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
  return (
    'L' +
    hash('glyphs', display ? 'D' : 'I', tex)
      .slice(0, 10)
      .replace(/[-_]/g, 'x')
  );
}

/** The class that stands for a style attribute (see styleClasses): deterministic, distinct per declaration text. */
export function styleClassName(declarations: string): string {
  return 'mjx-s' + hash('style', declarations).slice(0, 10);
}
