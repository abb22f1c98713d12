// The formula cache's file in Node: node:fs, with an atomic write, and a synchronous one as the
// extension host stops (an asynchronous write would not finish).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../node/writeFileAtomic';
import type { CacheStorage } from '../typesetCacheStore';

const FILE_NAME = 'typeset-cache.json';

/** `bundles`: the files whose code decides what a typeset formula looks like (their hash is the engine's id). */
export function nodeCacheStorage(folder: string, bundles: readonly string[]): CacheStorage {
  const file = join(folder, FILE_NAME);
  let engine: string | undefined;
  return {
    file,
    read: () => readFile(file, 'utf8'),
    write: async (parts) => {
      await mkdir(folder, { recursive: true });
      await writeFileAtomic(file, parts);
    },
    writeAtExit: (text) => {
      mkdirSync(folder, { recursive: true });
      writeFileAtomicSync(file, text);
    },
    remove: async () => rmSync(file, { force: true }),
    engine: async () => {
      if (engine === undefined) {
        const hash = createHash('sha256');
        for (const bundle of bundles) hash.update(readFileSync(bundle));
        engine = hash.digest('base64url');
      }
      return engine;
    },
  };
}
