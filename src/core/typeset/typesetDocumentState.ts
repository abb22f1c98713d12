import type { CachedFormula, LabelKey } from './typesetCache';
import { labelKey } from './typesetCache';
import { nextDefinitions } from './typesetKeys';
import type { DefinitionStep, LabelValue } from './typesetProtocol';

/** The state in force just before a formula. */
export interface Position {
  readonly counter: number;
  readonly definitions: string;
  readonly steps: number;
}

/**
 * The main thread's account of one render of one document: equation counter, labels and
 * user definitions, advanced formula by formula from the effects each result records.
 */
export class TypesetDocumentState {
  counter = 0;
  definitions: string;
  readonly labels = new Map<string, LabelValue>();
  readonly steps: DefinitionStep[] = [];
  /** The worker generation whose label table equals `labels`, if any. */
  labelsSyncedWith: number | undefined;

  constructor(initialDefinitions: string) {
    this.definitions = initialDefinitions;
  }

  position(): Position {
    return { counter: this.counter, definitions: this.definitions, steps: this.steps.length };
  }

  /** Whether a cached result was produced from the same numbering state as the one here. */
  matches(entry: CachedFormula): boolean {
    return (entry.counter === undefined || entry.counter === this.counter) && this.labelsMatch(entry.labels);
  }

  labelsMatch(seen: Readonly<Record<string, LabelKey>>): boolean {
    for (const name in seen) if (labelKey(this.labels.get(name)) !== seen[name]) return false;
    return true;
  }

  /** Apply a formula's effects; `inWorker` when the worker applied the same to its own state. */
  apply(entry: CachedFormula, tex: string, display: boolean, inWorker: boolean): void {
    if (entry.counterAfter !== undefined) this.counter = entry.counterAfter;
    for (const name in entry.labelsSet) {
      this.labels.set(name, entry.labelsSet[name]!);
      if (!inWorker) this.labelsSyncedWith = undefined;
    }
    if (entry.defines) {
      this.definitions = nextDefinitions(this.definitions, tex, display);
      this.steps.push({ tex, display, after: this.definitions });
    }
  }

  labelTable(): Record<string, LabelValue> {
    return Object.fromEntries(this.labels);
  }
}
