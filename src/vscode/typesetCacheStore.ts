// Keeps the typeset formulas across sessions in the extension's global storage: restored before the
// first render, written once typesetting has been idle for a while, and when the extension stops.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MathdownRenderer } from '../core';
import { writeFileAtomic, writeFileAtomicSync } from '../node/writeFileAtomic';

const FILE_NAME = 'typeset-cache.json';
/** A save waits until no formula has been typeset for this long. */
const IDLE_MS = 30_000;

export class TypesetCacheStore {
  readonly file: string;
  readonly #folder: string;
  readonly #bundles: readonly string[];
  #engineHash: string | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  /** The renderer's miss count at the last save, and at the last idle check. */
  #savedMisses = 0;
  #seenMisses = 0;

  /** `bundles`: the files whose code decides what a typeset formula looks like (a new build invalidates the cache). */
  constructor(folder: string, bundles: readonly string[]) {
    this.#folder = folder;
    this.#bundles = bundles;
    this.file = join(folder, FILE_NAME);
  }

  /** Restores the saved formulas into a new renderer (before its first render) and saves them while it lives. */
  attach(renderer: MathdownRenderer): void {
    this.detach();
    this.#savedMisses = this.#seenMisses = 0;
    void renderer.loadCache(readFile(this.file, 'utf8'), this.#engine());
    this.#timer = setInterval(() => this.#whenIdle(renderer), IDLE_MS);
    this.#timer.unref();
  }

  /** Writes the renderer's formulas now, if it typeset any since the last save; resolves with the file. */
  async save(renderer: MathdownRenderer): Promise<string> {
    const misses = renderer.cacheStats.misses;
    if (misses !== this.#savedMisses) {
      this.#savedMisses = misses;
      await mkdir(this.#folder, { recursive: true });
      // In pieces, yielding between them: serializing a large cache in one go would hold up the
      // extension host (and a keystroke's preview update) for as long as it takes.
      const parts: string[] = [];
      for (const part of renderer.cacheFileParts(this.#engine())) {
        parts.push(part);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await writeFileAtomic(this.file, parts.join(''));
    }
    return this.file;
  }

  /** The last save, synchronous: the extension host is shutting down. */
  saveBeforeExit(renderer: MathdownRenderer): void {
    this.detach();
    if (renderer.cacheStats.misses === this.#savedMisses) return;
    try {
      mkdirSync(this.#folder, { recursive: true });
      writeFileAtomicSync(this.file, renderer.serializeCache(this.#engine()));
    } catch (e) {
      console.error('[mathdown] could not save the formula cache', e);
    }
  }

  /** Deletes the saved formulas. */
  clear(): void {
    rmSync(this.file, { force: true });
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

  #engine(): string {
    if (this.#engineHash === undefined) {
      const hash = createHash('sha256');
      for (const file of this.#bundles) hash.update(readFileSync(file));
      this.#engineHash = hash.digest('base64url');
    }
    return this.#engineHash;
  }
}
