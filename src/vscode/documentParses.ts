// The core's parse cache, one for the extension: the preview, lint, fix-all, completion and hover
// read each version of a document from one parse, keyed by the document's URI. Made on first use,
// so that activation does not load the core.
import * as vscode from 'vscode';
import type { ParseCache } from '../core';
import { core } from './core';

export class DocumentParses implements vscode.Disposable {
  #cache: ParseCache | undefined;
  readonly #closed = vscode.workspace.onDidCloseTextDocument((d) => this.#cache?.forget(d.uri.toString()));

  get(): ParseCache {
    return (this.#cache ??= new (core().ParseCache)());
  }

  dispose(): void {
    this.#closed.dispose();
    this.#cache?.clear();
  }
}
