import type { TexError } from '../types';
import type { LabelValue } from './typesetProtocol';

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
  readonly counterAfter?: number;
  readonly labelsSet: Readonly<Record<string, LabelValue>>;
  readonly defines: boolean;
}

const VARIANTS_PER_KEY = 4;

function weight(entry: CachedFormula): number {
  let chars = entry.html.length;
  for (const [id, path] of entry.glyphs) chars += id.length + path.length;
  return chars;
}

/**
 * LRU cache of typeset formulas: a few numbering variants per formula key, bounded both in
 * entries and in characters of markup held.
 */
export class TypesetCache {
  private readonly entries = new Map<string, CachedFormula[]>();
  private count = 0;
  private chars = 0;

  constructor(
    private readonly limit: number,
    private readonly charLimit = 128_000_000,
  ) {}

  get size(): number {
    return this.count;
  }

  find(key: string, usable: (entry: CachedFormula) => boolean): CachedFormula | undefined {
    return this.findAll(key, usable)[0];
  }

  /** All usable variants, most recent first. */
  findAll(key: string, usable: (entry: CachedFormula) => boolean): CachedFormula[] {
    const variants = this.entries.get(key);
    const found = variants?.filter(usable) ?? [];
    if (variants && found.length) {
      this.entries.delete(key);
      this.entries.set(key, variants);
    }
    return found;
  }

  store(key: string, entry: CachedFormula): void {
    const kept = [entry, ...(this.entries.get(key) ?? [])].slice(0, VARIANTS_PER_KEY);
    this.remove(key);
    this.add(key, kept);
    for (const oldKey of this.entries.keys()) {
      if (this.count <= this.limit && this.chars <= this.charLimit) break;
      this.remove(oldKey);
    }
  }

  clear(): void {
    this.entries.clear();
    this.count = 0;
    this.chars = 0;
  }

  private add(key: string, variants: CachedFormula[]): void {
    this.entries.set(key, variants);
    this.count += variants.length;
    for (const v of variants) this.chars += weight(v);
  }

  private remove(key: string): void {
    const variants = this.entries.get(key);
    if (!variants) return;
    this.entries.delete(key);
    this.count -= variants.length;
    for (const v of variants) this.chars -= weight(v);
  }
}
