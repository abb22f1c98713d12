// A file system kept in memory, served to VS Code by a FileSystemProvider on a scheme of its own:
// the stand-in for github.dev's `vscode-vfs:` (which needs GitHub) in the virtual-file-system suite,
// as VS Code's own API tests use a memfs scheme. Test-only: the suite registers it in the extension
// host it runs in (the Node host, or the browser's web worker host), beside Mathdown.
import * as vscode from 'vscode';

type Entry = { type: vscode.FileType.File; data: Uint8Array; mtime: number } | { type: vscode.FileType.Directory; mtime: number };

export class MemFs implements vscode.FileSystemProvider {
  readonly #entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, mtime: Date.now() }]]);
  readonly #changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.#changes.event;

  #entry(uri: vscode.Uri): Entry {
    const e = this.#entries.get(normal(uri.path));
    if (!e) throw vscode.FileSystemError.FileNotFound(uri);
    return e;
  }

  #parentMustExist(uri: vscode.Uri): void {
    const parent = this.#entries.get(parentOf(normal(uri.path)));
    if (parent?.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotFound(uri.with({ path: parentOf(uri.path) }));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const e = this.#entry(uri);
    return { type: e.type, ctime: e.mtime, mtime: e.mtime, size: e.type === vscode.FileType.File ? e.data.length : 0 };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const dir = normal(uri.path);
    if (this.#entry(uri).type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    return [...this.#entries].filter(([p]) => p !== '/' && parentOf(p) === dir).map(([p, e]) => [p.slice(p.lastIndexOf('/') + 1), e.type]);
  }

  createDirectory(uri: vscode.Uri): void {
    const path = normal(uri.path);
    if (this.#entries.has(path)) throw vscode.FileSystemError.FileExists(uri);
    this.#parentMustExist(uri);
    this.#entries.set(path, { type: vscode.FileType.Directory, mtime: Date.now() });
    this.#changes.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const e = this.#entry(uri);
    if (e.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return e.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const path = normal(uri.path);
    const old = this.#entries.get(path);
    if (old?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!old && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (old && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    this.#parentMustExist(uri);
    this.#entries.set(path, { type: vscode.FileType.File, data: content.slice(), mtime: Date.now() });
    this.#changes.fire([{ type: old ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    const path = normal(uri.path);
    this.#entry(uri);
    for (const p of [...this.#entries.keys()]) if (p === path || p.startsWith(`${path}/`)) this.#entries.delete(p);
    this.#changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    const source = normal(from.path);
    const target = normal(to.path);
    const e = this.#entry(from);
    if (this.#entries.has(target) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    this.#parentMustExist(to);
    for (const [p, entry] of [...this.#entries]) {
      if (p !== source && !p.startsWith(`${source}/`)) continue;
      this.#entries.delete(p);
      this.#entries.set(target + p.slice(source.length), entry);
    }
    this.#entries.set(target, e);
    this.#changes.fire([
      { type: vscode.FileChangeType.Deleted, uri: from },
      { type: vscode.FileChangeType.Created, uri: to },
    ]);
  }
}

function normal(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

function parentOf(path: string): string {
  const p = normal(path);
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}
