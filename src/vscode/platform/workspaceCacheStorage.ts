// The formula cache's file through vscode.workspace.fs: for a host without node:fs (the browser's
// web worker host, where global storage is the browser's own file system).
import * as vscode from 'vscode';
import type { CacheStorage } from '../typesetCacheStore';

const FILE_NAME = 'typeset-cache.json';

/** `engine`: computes the engine's id (once, on first use). */
export function workspaceCacheStorage(folder: vscode.Uri, engine: () => Promise<string>): CacheStorage {
  const file = vscode.Uri.joinPath(folder, FILE_NAME);
  let id: Promise<string> | undefined;
  const write = async (text: string): Promise<void> => {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  };
  return {
    file: file.toString(),
    read: async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file)),
    write,
    writeAtExit: (text) => {
      write(text).catch((e: unknown) => console.error('[mathdown] could not save the formula cache', e));
    },
    remove: async () => {
      try {
        await vscode.workspace.fs.delete(file);
      } catch (e) {
        if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
      }
    },
    engine: () => (id ??= engine()),
  };
}
