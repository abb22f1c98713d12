// Creates the core renderer (its typesetting workers + formula cache) on first use, so that
// activation stays cheap, and disposes it with the extension. With a store, the formula cache
// outlives the session.
import * as vscode from 'vscode';
import { startTypesetWorker } from '../../node/platform/startTypesetWorker';
import type { MathdownRenderer, ParseCache } from '../../core';
import { core } from '../core';
import type { TypesetCacheStore } from '../typesetCacheStore';

export class LazyRenderer implements vscode.Disposable {
  #renderer: MathdownRenderer | undefined;
  #persisting = false;

  readonly #workerFile: string;
  readonly #store: TypesetCacheStore | undefined;
  readonly #persist: () => boolean;
  readonly #parses: (() => ParseCache) | undefined;

  /**
   * `persist`: whether the formula cache is kept in `store` (read when a renderer is created);
   * `parses`: the parses the renderer shares with the documents' other readers.
   */
  constructor(workerFile: string, store?: TypesetCacheStore, persist: () => boolean = () => false, parses?: () => ParseCache) {
    this.#workerFile = workerFile;
    this.#store = store;
    this.#persist = persist;
    this.#parses = parses;
  }

  get(): MathdownRenderer {
    if (!this.#renderer) {
      // Started before the core is loaded, so that the worker's own (longer) start-up overlaps it.
      const startedWorker = startTypesetWorker(this.#workerFile);
      try {
        this.#renderer = new (core().MathdownRenderer)({
          workerFile: this.#workerFile,
          startedWorker,
          ...(this.#parses ? { parses: this.#parses() } : {}),
        });
      } catch (err) {
        void startedWorker.worker.terminate();
        throw err;
      }
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
    this.#store?.clear();
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
