// Creates the core renderer (its typesetting workers + formula cache) on first use, so that
// activation stays cheap, and disposes it with the extension. With a store, the formula cache
// outlives the session.
import type * as vscode from 'vscode';
import type { MathdownRenderer } from '../../core';
import type { TypesetCacheStore } from '../typesetCacheStore';

export class LazyRenderer implements vscode.Disposable {
  #renderer: MathdownRenderer | undefined;
  #persisting = false;

  readonly #create: () => MathdownRenderer;
  readonly #store: TypesetCacheStore | undefined;
  readonly #persist: () => boolean;

  /**
   * `create`: a new renderer on the host's workers (Host.createRenderer); `persist`: whether the
   * formula cache is kept in `store` (read when a renderer is created).
   */
  constructor(create: () => MathdownRenderer, store?: TypesetCacheStore, persist: () => boolean = () => false) {
    this.#create = create;
    this.#store = store;
    this.#persist = persist;
  }

  get(): MathdownRenderer {
    if (!this.#renderer) {
      this.#renderer = this.#create();
      this.#persisting = !!this.#store && this.#persist();
      if (this.#persisting) this.#store!.attach(this.#renderer);
    }
    return this.#renderer;
  }

  /** Saves the formula cache now, if it is kept; resolves with the file. */
  async saveCache(): Promise<string | undefined> {
    return this.#renderer && this.#persisting ? this.#store!.save(this.#renderer) : undefined;
  }

  /** Forgets every typeset formula, in memory and on disk: the next render starts afresh. */
  clearCache(): void {
    void this.#store?.clear();
    this.#close(false);
  }

  dispose(): void {
    this.#close(true);
  }

  #close(save: boolean): void {
    const renderer = this.#renderer;
    if (!renderer) return;
    if (this.#persisting && save) this.#store!.saveBeforeExit(renderer);
    else this.#store?.detach();
    void renderer.dispose();
    this.#renderer = undefined;
  }
}
