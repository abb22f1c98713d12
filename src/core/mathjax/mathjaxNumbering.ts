import { Label } from 'mathjax-full/js/input/tex/Tags.js';
import type { LabelValue } from '../typeset/typesetProtocol';

/** The protected parts of MathJax's AbstractTags that carry state from one formula to the next. */
interface TagsInternals {
  counter: number;
  allCounter: number;
  allLabels: Record<string, Label>;
  allIds: Record<string, boolean>;
  redo: boolean;
  refUpdate: boolean;
}

/**
 * Drives MathJax's equation counter and label table explicitly, one formula at a time, and
 * records exactly which labels a formula looked up (with the values it saw) and which it defined,
 * so that a cached result can be reused whenever the state it read is the same again.
 */
export class NumberingState {
  readonly #tags: TagsInternals;
  #labels: Record<string, Label> = Object.create(null);
  readonly #reads = new Map<string, LabelValue | null>();
  readonly #sets = new Map<string, LabelValue>();
  #startCounter = 0;

  constructor(tags: unknown) {
    this.#tags = tags as TagsInternals;
    this.#install();
  }

  setLabels(labels: Record<string, LabelValue>): void {
    this.#labels = Object.create(null);
    for (const [name, [tag, id]] of Object.entries(labels)) this.#labels[name] = new Label(tag, id);
    this.#install();
  }

  /** Prepare for the next formula, numbered from `counter`. */
  begin(counter: number): void {
    this.#startCounter = counter;
    this.#tags.counter = this.#tags.allCounter = counter;
    this.#tags.redo = false;
    this.#tags.refUpdate = false;
    this.#tags.allIds = {};
    this.#reads.clear();
    this.#sets.clear();
  }

  get counterAfter(): number {
    return this.#tags.counter;
  }

  get readsCounter(): boolean {
    return this.#tags.counter !== this.#startCounter;
  }

  get labelsRead(): Record<string, LabelValue | null> {
    return Object.fromEntries(this.#reads);
  }

  get labelsSet(): Record<string, LabelValue> {
    return Object.fromEntries(this.#sets);
  }

  #install(): void {
    const reads = this.#reads;
    const sets = this.#sets;
    this.#tags.allLabels = new Proxy(this.#labels, {
      get(target, key) {
        const value = Reflect.get(target, key) as Label | undefined;
        if (typeof key === 'string' && !reads.has(key)) reads.set(key, value ? [value.tag, value.id] : null);
        return value;
      },
      set(target, key, value: Label) {
        if (typeof key === 'string') sets.set(key, [value.tag, value.id]);
        return Reflect.set(target, key, value);
      },
    });
  }
}
