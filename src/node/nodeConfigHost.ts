// The settings loader's file access over Node's fs (the CLI).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ConfigHost } from '../core';

export const nodeConfigHost: ConfigHost = {
  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw e;
    }
  },
  parent(path) {
    const up = dirname(path);
    return up === path ? undefined : up;
  },
  resolve: (dir, relative) => resolve(dir, relative),
};
