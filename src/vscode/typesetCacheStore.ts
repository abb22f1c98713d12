// Keeps the typeset formulas across sessions in the extension's global storage: restored before the
// first render, written once typesetting has been idle for a while, and when the extension stops.
// Where and how the file is read and written is the host's (CacheStorage, src/vscode/platform).
import type { MathdownRenderer } from '../core';
import { unrefTimer } from '../shared/unrefTimer';

/** The formula cache's file, as a host reads and writes it. */
export interface CacheStorage {
  /** Names the file (the test hook and messages). */
  readonly file: string;
  /** Rejects when there is no file yet. */
  read(): Promise<string>;
  /** Writes the file's text from its pieces (a host that can writes each as it comes, never holding the whole text). */
  write(parts: AsyncIterable<string>): Promise<void>;
  /** The last write, as the extension stops: synchronous where the host can (Node), else started and left to finish. */
  writeAtExit(text: string): void;
  remove(): Promise<void>;
  /** Identifies the code that decides what a typeset formula looks like (a new build invalidates the cache). */
  engine(): Promise<string>;
}

/** A save waits until no formula has been typeset for this long. */
const IDLE_MS = 30_000;

/** Lets the thread serve others between pieces of work (setImmediate where the host has it). */
const yieldThread = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/**
 * The cache file's pieces, yielding the thread between them: serializing a large cache in one go
 * would hold up the extension host (and a keystroke's preview update) for as long as it takes.
 */
async function* cacheFileParts(renderer: MathdownRenderer, engine: string): AsyncGenerator<string> {
  for (const part of renderer.cacheFileParts(engine)) {
    yield part;
    await yieldThread();
  }
}

export class TypesetCacheStore {
  readonly #storage: CacheStorage;
  #engineId: string | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  /** The renderer's miss count at the last save, and at the last idle check. */
  #savedMisses = 0;
  #seenMisses = 0;
  /** The last clear(): a renderer attached after it reads the file only once it is gone. */
  #cleared: Promise<void> = Promise.resolve();

  constructor(storage: CacheStorage) {
    this.#storage = storage;
  }

  get file(): string {
    return this.#storage.file;
  }

  /** Restores the saved formulas into a new renderer (before its first render) and saves them while it lives. */
  attach(renderer: MathdownRenderer): void {
    this.detach();
    this.#savedMisses = this.#seenMisses = 0;
    void renderer.loadCache(
      this.#cleared.then(() => this.#storage.read()),
      this.#engine(),
    );
    this.#timer = unrefTimer(setInterval(() => this.#whenIdle(renderer), IDLE_MS));
  }

  /** Writes the renderer's formulas now, if it typeset any since the last save; resolves with the file. */
  async save(renderer: MathdownRenderer): Promise<string> {
    const misses = renderer.cacheStats.misses;
    if (misses !== this.#savedMisses) {
      this.#savedMisses = misses;
      const engine = await this.#engine();
      await this.#storage.write(cacheFileParts(renderer, engine));
    }
    return this.#storage.file;
  }

  /** The last save, without waiting: the extension host is shutting down. */
  saveBeforeExit(renderer: MathdownRenderer): void {
    this.detach();
    // Without the engine's id (not yet read), nothing typeset could be restored later either.
    if (renderer.cacheStats.misses === this.#savedMisses || this.#engineId === undefined) return;
    try {
      this.#storage.writeAtExit(renderer.serializeCache(this.#engineId));
    } catch (e) {
      console.error('[mathdown] could not save the formula cache', e);
    }
  }

  /** Deletes the saved formulas. */
  clear(): Promise<void> {
    return (this.#cleared = this.#storage
      .remove()
      .catch((e: unknown) => console.error('[mathdown] could not delete the formula cache', e)));
  }

  detach(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #whenIdle(renderer: MathdownRenderer): void {
    const misses = renderer.cacheStats.misses;
    const busy = misses !== this.#seenMisses;
    this.#seenMisses = misses;
    if (!busy && misses !== this.#savedMisses)
      this.save(renderer).catch((e: unknown) => console.error('[mathdown] could not save the formula cache', e));
  }

  #engine(): Promise<string> {
    return this.#storage.engine().then((id) => (this.#engineId = id));
  }
}
