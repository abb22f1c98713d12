import type { TexError } from '../types';
import type { FormulaKey } from './typesetKeys';
import type { LabelValue, StyleRule } from './typesetProtocol';

export type { FormulaKey } from './typesetKeys';

/** A label value as compared in cache keys; null when the label was not defined. */
export type LabelKey = string | null;

export function labelKey(value: LabelValue | null | undefined): LabelKey {
  return value ? `${value[0]}\u0000${value[1]}` : null;
}

/**
 * One typeset result together with the numbering state it read (its dependencies beyond the
 * formula key) and what it changed for the formulas after it.
 */
export interface CachedFormula {
  /** The counter at the formula, when the output shows a number. */
  readonly counter?: number;
  /** Labels looked up at the formula's position, with the values seen. */
  readonly labels: Readonly<Record<string, LabelKey>>;
  /** For forward references: labels looked up in the redo pass, against the document's final labels. */
  readonly redoLabels?: Readonly<Record<string, LabelKey>>;
  readonly html: string;
  readonly error?: TexError;
  readonly glyphs: ReadonlyArray<readonly [string, string]>;
  readonly styles: ReadonlyArray<StyleRule>;
  readonly counterAfter?: number;
  readonly labelsSet: Readonly<Record<string, LabelValue>>;
  readonly defines: boolean;
  /** For a result that depends on the machine's load (a timeout): when to typeset the formula again (ms since the epoch). */
  readonly retryAfter?: number;
}

const VARIANTS_PER_KEY = 4;

interface Slot {
  readonly key: FormulaKey;
  variants: CachedFormula[];
  /** Clock value of the last use: the least recently used slots are evicted first. */
  used: number;
}

function weight(key: FormulaKey, entry: CachedFormula): number {
  let chars = key.tex.length + entry.html.length;
  for (const [id, path] of entry.glyphs) chars += id.length + path.length;
  for (const [name, declarations] of entry.styles) chars += name.length + declarations.length;
  return chars;
}

/**
 * LRU cache of typeset formulas: a few numbering variants per formula key, bounded both in
 * entries and in characters of markup held. Looked up by the TeX string itself under its
 * definitions state and mode: the formulas of a re-rendered document are mostly the very same
 * string objects as last time, which a Map finds without reading them, and a use stamps a clock
 * instead of re-inserting, so a render of thousands of cached formulas costs little.
 */
export class TypesetCache {
  /** definitions state → [inline, display] → TeX → slot */
  readonly #states = new Map<string, [Map<string, Slot>, Map<string, Slot>]>();
  /**
   * One copy of each glyph: every formula's result comes from the worker with its own copies of
   * the glyph paths it uses, the same few hundred paths over and over in a long document.
   */
  readonly #glyphs = new Map<string, readonly [string, string]>();
  #count = 0;
  #chars = 0;
  #clock = 0;

  readonly #limit: number;
  readonly #charLimit: number;

  constructor(limit: number, charLimit = 128_000_000) {
    this.#limit = limit;
    this.#charLimit = charLimit;
  }

  get size(): number {
    return this.#count;
  }

  /** The most recent usable variant. */
  find(key: FormulaKey, usable: (entry: CachedFormula) => boolean): CachedFormula | undefined {
    const slot = this.#slot(key);
    const found = slot?.variants.find(usable);
    if (found) slot!.used = ++this.#clock;
    return found;
  }

  /** All usable variants, most recent first. */
  findAll(key: FormulaKey, usable: (entry: CachedFormula) => boolean): CachedFormula[] {
    const slot = this.#slot(key);
    const found = slot?.variants.filter(usable) ?? [];
    if (found.length) slot!.used = ++this.#clock;
    return found;
  }

  store(key: FormulaKey, entry: CachedFormula): void {
    let modes = this.#states.get(key.definitions);
    if (!modes) this.#states.set(key.definitions, (modes = [new Map(), new Map()]));
    const byTex = modes[key.display ? 1 : 0];
    const slot = byTex.get(key.tex) ?? { key, variants: [], used: 0 };
    this.#account(slot, -1);
    slot.variants = [this.#shareGlyphs(entry), ...slot.variants].slice(0, VARIANTS_PER_KEY);
    slot.used = ++this.#clock;
    byTex.set(key.tex, slot);
    this.#account(slot, 1);
    if (this.#count > this.#limit || this.#chars > this.#charLimit) this.#evict();
  }

  /** Every formula key with its variants, the most recently used first. */
  recent(): Array<{ key: FormulaKey; variants: readonly CachedFormula[] }> {
    const slots: Slot[] = [];
    for (const modes of this.#states.values()) for (const byTex of modes) for (const slot of byTex.values()) slots.push(slot);
    return slots.sort((a, b) => b.used - a.used);
  }

  clear(): void {
    this.#states.clear();
    this.#glyphs.clear();
    this.#count = 0;
    this.#chars = 0;
  }

  #shareGlyphs(entry: CachedFormula): CachedFormula {
    if (!entry.glyphs.length) return entry;
    const glyphs = entry.glyphs.map((glyph) => {
      const known = this.#glyphs.get(glyph[0]);
      if (known && known[1] === glyph[1]) return known;
      // A glyph id names one path per font; a different path under a known id (another font) is kept as it came.
      if (!known) this.#glyphs.set(glyph[0], glyph);
      return glyph;
    });
    return { ...entry, glyphs };
  }

  #slot(key: FormulaKey): Slot | undefined {
    return this.#states.get(key.definitions)?.[key.display ? 1 : 0].get(key.tex);
  }

  #account(slot: Slot, sign: 1 | -1): void {
    this.#count += sign * slot.variants.length;
    for (const v of slot.variants) this.#chars += sign * weight(slot.key, v);
  }

  /** Least recently used first, down to a little under the bounds so that eviction is rare. */
  #evict(): void {
    const targetCount = this.#limit - Math.floor(this.#limit / 16);
    const targetChars = this.#charLimit - Math.floor(this.#charLimit / 16);
    const slots: Slot[] = [];
    for (const modes of this.#states.values()) for (const byTex of modes) for (const slot of byTex.values()) slots.push(slot);
    slots.sort((a, b) => a.used - b.used);
    for (const slot of slots) {
      if (this.#count <= targetCount && this.#chars <= targetChars) break;
      this.#account(slot, -1);
      const modes = this.#states.get(slot.key.definitions)!;
      modes[slot.key.display ? 1 : 0].delete(slot.key.tex);
      if (!modes[0].size && !modes[1].size) this.#states.delete(slot.key.definitions);
    }
  }
}
