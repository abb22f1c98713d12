import type ParseOptions from 'mathjax-full/js/input/tex/ParseOptions.js';

/** Handler maps that `\newcommand`, `\def`, `\let`, `\newenvironment`, `\DeclareMathOperator` and `\DeclarePairedDelimiter` fill. */
const DEFINITION_MAPS = ['new-Command', 'new-Environment', 'new-Delimiter', 'ams-declare-ops', 'mathtools-paired-delims'];

type AnyMap = Map<unknown, unknown>;

/** Everything a formula can define for the formulas after it, copied out of MathJax. */
export interface DefinitionsSnapshot {
  readonly maps: ReadonlyArray<ReadonlyArray<readonly [unknown, unknown]>>;
  readonly tagCurrent: unknown;
}

interface TagFormState {
  mtFormats?: AnyMap;
  mtCurrent?: unknown;
}

/**
 * The user-defined state that MathJax keeps across formulas of one TeX input jax: macros,
 * environments, delimiters, operators, paired delimiters, colours (`\definecolor`) and tag forms
 * (`\newtagform`, `\usetagform`). It can be watched for changes, copied and put back.
 */
export class UserDefinitions {
  readonly #maps: AnyMap[] = [];
  readonly #tags: TagFormState;
  readonly #baseline: DefinitionsSnapshot;
  #restoring = false;
  #changed = false;
  #tagCurrentBefore: unknown;

  constructor(parseOptions: ParseOptions) {
    for (const name of DEFINITION_MAPS) {
      const map = (parseOptions.handlers.retrieve(name) as unknown as { map?: AnyMap } | undefined)?.map;
      if (map) this.#maps.push(map);
    }
    const colors = (parseOptions.packageData.get('color') as { model?: { userColors?: AnyMap } } | undefined)?.model?.userColors;
    if (colors) this.#maps.push(colors);
    this.#tags = parseOptions.tags as unknown as TagFormState;
    if (this.#tags.mtFormats) this.#maps.push(this.#tags.mtFormats);
    for (const map of this.#maps) this.#watch(map);
    this.#baseline = this.snapshot();
  }

  /** Start recording whether the next formula defines anything. */
  beginWatch(): void {
    this.#changed = false;
    this.#tagCurrentBefore = this.#tags.mtCurrent;
  }

  /** True if anything was (re)defined since `beginWatch()`. */
  get changedSinceWatch(): boolean {
    return this.#changed || this.#tags.mtCurrent !== this.#tagCurrentBefore;
  }

  snapshot(): DefinitionsSnapshot {
    return { maps: this.#maps.map((m) => [...m.entries()]), tagCurrent: this.#tags.mtCurrent };
  }

  restore(snapshot: DefinitionsSnapshot): void {
    this.#restoring = true;
    try {
      this.#maps.forEach((map, k) => {
        map.clear();
        for (const [key, value] of snapshot.maps[k] ?? []) map.set(key, value);
      });
      if ('mtCurrent' in this.#tags) this.#tags.mtCurrent = snapshot.tagCurrent;
    } finally {
      this.#restoring = false;
    }
  }

  /** Back to what the configuration alone defines (option macros are kept elsewhere and stay). */
  clear(): void {
    this.restore(this.#baseline);
  }

  #watch(map: AnyMap): void {
    const set = map.set.bind(map);
    const del = map.delete.bind(map);
    const clear = map.clear.bind(map);
    const mark = (): void => {
      if (!this.#restoring) this.#changed = true;
    };
    map.set = (key, value) => (mark(), set(key, value));
    map.delete = (key) => (mark(), del(key));
    map.clear = () => (mark(), clear());
  }
}
