// The formula cache's file through vscode.workspace.fs: for a host without node:fs (the browser's
// web worker host, where global storage is the browser's own file system).
import * as vscode from 'vscode';
import type { CacheStorage } from '../typesetCacheStore';

const FILE_NAME = 'typeset-cache.json';

/** `engine`: computes the engine's id (once, on first use). */
export function workspaceCacheStorage(folder: vscode.Uri, engine: () => Promise<string>): CacheStorage {
  const file = vscode.Uri.joinPath(folder, FILE_NAME);
  let id: Promise<string> | undefined;
  const writeText = async (text: string): Promise<void> => {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  };
  // workspace.fs writes a file from one buffer: the pieces are joined first.
  const write = async (parts: AsyncIterable<string>): Promise<void> => {
    let text = '';
    for await (const part of parts) text += part;
    await writeText(text);
  };
  return {
    file: file.toString(),
    read: async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file)),
    write,
    writeAtExit: (text) => {
      writeText(text).catch((e: unknown) => console.error('[mathdown] could not save the formula cache', e));
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
