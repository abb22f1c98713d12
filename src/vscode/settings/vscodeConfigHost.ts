// The settings loader's file access over vscode.workspace.fs (so that remote and virtual
// workspaces work as local ones do). Paths are URI strings.
import * as vscode from 'vscode';
import type { ConfigHost } from '../../core';

const decoder = new TextDecoder();

export const vscodeConfigHost: ConfigHost = {
  async readText(path) {
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(path, true)));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'FileIsADirectory')) return undefined;
      throw e;
    }
  },
  parent(path) {
    const uri = vscode.Uri.parse(path, true);
    const up = vscode.Uri.joinPath(uri, '..');
    return up.path === uri.path ? undefined : up.toString();
  },
  resolve(dir, relative) {
    const base = vscode.Uri.parse(dir, true);
    if (/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(relative))
      return (base.scheme === 'file' ? vscode.Uri.file(relative) : base.with({ path: relative.replace(/\\/g, '/') })).toString();
    return vscode.Uri.joinPath(base, relative.replace(/\\/g, '/')).toString();
  },
};
