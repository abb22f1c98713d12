import type { CachedFormula, FormulaKey, FormulaStore, TypesetCache } from './typesetCache';

/**
 * The cache a compile-only run (lint's TeX errors) reads and fills. A typeset result carries the
 * same errors and numbering effects as a compile-only one under the same key, so the run reads
 * both its own entries and the renders' (the editor's lint then reuses what the preview typeset);
 * it stores only in its own, so a render never meets an entry without HTML.
 */
export function compileOnlyStore(own: TypesetCache, typeset: TypesetCache): FormulaStore {
  return {
    find: (key: FormulaKey, usable: (entry: CachedFormula) => boolean) => own.find(key, usable) ?? typeset.find(key, usable),
    findAll: (key: FormulaKey, usable: (entry: CachedFormula) => boolean) => [...own.findAll(key, usable), ...typeset.findAll(key, usable)],
    store: (key: FormulaKey, entry: CachedFormula) => own.store(key, entry),
  };
}
