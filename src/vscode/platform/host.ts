// What differs between the extension hosts Mathdown runs in: Node's (desktop, remote, Codespaces)
// and the browser's web worker host (vscode.dev, github.dev, code-server's browser side). Each
// host is one small adapter (nodeHost.ts, webHost.ts); every feature is written once against this.
import type * as vscode from 'vscode';
import type * as Core from '../../core';
import type { CacheStorage } from '../typesetCacheStore';

/** The core's functions and classes that need no platform (the renderer and the lint client come from the host). */
export type CoreModule = Omit<typeof Core, 'MathdownRenderer' | 'LintWorkerClient'>;

export interface Host {
  /** The core's code: loaded on first use in Node (dist/core.js), bundled into the browser's extension. */
  loadCore(): CoreModule;
  /** A renderer whose typesetting workers are this host's threads (worker threads, or Web Workers). */
  createRenderer(parses: Core.ParseCache | undefined): Core.MathdownRenderer;
  /** A client of the lint worker (started on its first request). */
  createLinter(): Core.LintWorkerClient;
  /** Where the formula cache outlives the session (the extension's global storage). */
  cacheStorage: CacheStorage;
  /** Exports a document's text as a standalone page to `output`; resolves with what it wrote. */
  exportToUri: ExportToUri;
  /** Whether the integration tests' commands are registered (never in a user's session). */
  testHooks: boolean;
  /** Whether the active Markdown document's preview opens at start (`npm start`). */
  openPreviewOnStart: boolean;
}

export type ExportToUriOptions = Omit<Core.ExportOptions, 'loadImage' | 'linkImage' | 'sourceName'>;

/** Exports `text`, the document `source`, to `output`; resolves with the resource written. */
export type ExportToUri = (text: string, source: vscode.Uri, output: vscode.Uri, options: ExportToUriOptions) => Promise<vscode.Uri>;
