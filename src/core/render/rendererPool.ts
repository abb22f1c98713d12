// Several renderers working through a list of documents at once, one typesetting worker each, all
// reading and filling one formula cache: how the CLI spreads a folder over the machine's cores.
import { TypesetCache } from '../typeset/typesetCache';
import type { MathdownRenderer } from './render';
import type { MathdownRendererOptions } from './renderTypes';

/** Formulas the pool's shared cache holds: room for the distinct formulas of a large folder. */
const POOL_CACHE_SIZE = 50_000;

export interface RendererPoolOptions {
  /** Renderers (and so typesetting workers) working at once; at least 1. */
  size: number;
  /** Makes one renderer with the given options (the pool's shared cache; no helper workers, the pool is the parallelism). */
  create: (options: Pick<MathdownRendererOptions, 'formulaCache' | 'compileCache' | 'helpers'>) => MathdownRenderer;
  cacheSize?: number;
  /**
   * Items handed to one renderer at once (default 1). A renderer runs its items one after another,
   * so a second one waits in its queue and its worker goes straight on to it while the caller
   * reads, lints or writes the first on the main thread.
   */
  depth?: number;
}

export class RendererPool {
  /** The renderers made, in that order, and the items each is working on. */
  readonly #load = new Map<MathdownRenderer, number>();
  readonly #waiting: Array<(r: MathdownRenderer) => void> = [];
  readonly #size: number;
  readonly #depth: number;
  readonly #create: RendererPoolOptions['create'];
  readonly #cache: TypesetCache;
  /** Lint's compile-only results, apart from the typeset ones (see compileOnlyStore). */
  readonly #compiled: TypesetCache;

  constructor({ size, create, cacheSize, depth }: RendererPoolOptions) {
    this.#size = Math.max(1, Math.floor(size));
    this.#depth = Math.max(1, Math.floor(depth ?? 1));
    this.#create = create;
    this.#cache = new TypesetCache(cacheSize ?? POOL_CACHE_SIZE);
    this.#compiled = new TypesetCache(cacheSize ?? POOL_CACHE_SIZE);
  }

  get size(): number {
    return this.#size;
  }

  /**
   * Calls `work` for every item with a renderer for the time of the call, at most `depth` items per
   * renderer and `size` renderers at once, in the items' order, or heaviest first when `weight`
   * estimates each item's work (so that a long document does not start last and keep one worker
   * busy while the others idle); resolves with each call's outcome at the item's index (a failure
   * is kept as such, it never stops the others). `settled` is told of each outcome as it comes.
   */
  async map<T, R>(
    items: readonly T[],
    work: (renderer: MathdownRenderer, item: T, index: number) => Promise<R>,
    settled?: (index: number, outcome: PromiseSettledResult<R>) => void,
    weight?: (item: T) => number,
  ): Promise<PromiseSettledResult<R>[]> {
    const order = items.map((_, index) => index);
    if (weight && this.#size > 1) {
      const weights = items.map(weight);
      order.sort((a, b) => weights[b]! - weights[a]! || a - b);
    }
    const outcomes: PromiseSettledResult<R>[] = new Array<PromiseSettledResult<R>>(items.length);
    // Renderers are started lazily: a pool of four over two files starts two workers.
    await Promise.all(
      order.map(async (index) => {
        const item = items[index]!;
        const renderer = await this.#acquire();
        let outcome: PromiseSettledResult<R>;
        try {
          outcome = { status: 'fulfilled', value: await work(renderer, item, index) };
        } catch (reason) {
          outcome = { status: 'rejected', reason };
        } finally {
          this.#release(renderer);
        }
        settled?.(index, outcome);
        outcomes[index] = outcome;
      }),
    );
    return outcomes;
  }

  /** Starts the typesetting workers of the first `items` items now, so that they load while the caller reads its files. */
  prestart(items: number): void {
    while (this.#load.size < Math.min(this.#size, items)) {
      this.#add().prestart();
    }
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.#load.keys()].map((r) => r.dispose()));
  }

  #add(): MathdownRenderer {
    const renderer = this.#create({ formulaCache: this.#cache, compileCache: this.#compiled, helpers: 0 });
    this.#load.set(renderer, 0);
    return renderer;
  }

  /** An idle renderer, else a new one while there is room, else the least busy one below `depth`. */
  #acquire(): Promise<MathdownRenderer> {
    let least: MathdownRenderer | undefined;
    let load = Infinity;
    for (const [r, n] of this.#load) if (n < load) [least, load] = [r, n];
    const renderer = load > 0 && this.#load.size < this.#size ? this.#add() : load < this.#depth ? least : undefined;
    if (renderer) {
      this.#load.set(renderer, this.#load.get(renderer)! + 1);
      return Promise.resolve(renderer);
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(renderer: MathdownRenderer): void {
    const next = this.#waiting.shift();
    if (next) next(renderer);
    else this.#load.set(renderer, this.#load.get(renderer)! - 1);
  }
}
