// What differs between the extension hosts Mathdown runs in: Node's (desktop, remote, Codespaces)
// and the browser's web worker host (vscode.dev, github.dev, code-server's browser side). Each
// host is one small adapter (nodeHost.ts, webHost.ts); every feature is written once against this.
import type * as vscode from 'vscode';
import type * as Core from '../../core';
import type { PageSetup } from '../../node/pdf/pageSetup';
import type { HostHeap } from '../schedule/heapRelease';
import type { CacheStorage } from '../typesetCacheStore';

/** The core's functions and classes that need no platform (the renderer and the lint client come from the host). */
export type CoreModule = Omit<typeof Core, 'MathdownRenderer' | 'LintWorkerClient'>;

/**
 * The editor's typesetting workers give their memory back once the user has paused: a long
 * document's workers hold most of the extension host's memory after its first render and lint.
 * The first worker is renewed (started again at once, so typing finds it ready) only after a large
 * amount of work, so a short note's worker is never restarted; helpers stop until the next long render.
 */
export const EDITOR_IDLE_WORKERS: Core.MathdownRendererOptions['idleWorkers'] = { idleMs: 15_000, renewAfter: 1_000 };

/** The lint worker stops after the same pause, handing the pieces it linted to the next one (LintWorkerOptions). */
export const EDITOR_LINT_WORKER: Core.LintWorkerOptions = { idleMs: 15_000 };

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
  /** Prints a document's page to a PDF file with a local browser: Node only (the browser's host has no program to start). */
  exportPdfToFile?: ExportPdfToFile;
  /** The host's heap, for giving back what a burst of work grew it by (HeapRelease): Node's only. */
  heap?: HostHeap;
  /** Whether the integration tests' commands are registered (never in a user's session). */
  testHooks: boolean;
  /** Whether the active Markdown document's preview opens at start (`npm start`). */
  openPreviewOnStart: boolean;
  /**
   * Whether the preview puts assistive MathML beside each formula (always, but for a benchmark
   * measuring what it costs: MATHDOWN_BENCH_ASSISTIVE_MML=0 in the Node host).
   */
  previewAssistiveMml: boolean;
}

export type ExportToUriOptions = Omit<Core.ExportOptions, 'loadImage' | 'linkImage' | 'sourceName'>;

/** Exports `text`, the document `source`, to `output`; resolves with the resource written. */
export type ExportToUri = (text: string, source: vscode.Uri, output: vscode.Uri, options: ExportToUriOptions) => Promise<vscode.Uri>;

export interface ExportPdfToFileOptions extends ExportToUriOptions {
  page: PageSetup;
  /** The browser's program file; empty: the first one found. */
  browserPath: string;
  /** Called when the page is typeset and the browser starts printing it. */
  onPrint?: () => void;
}

/** Prints `text`, the file `source`, to the PDF file `output`; resolves with the file written. */
export type ExportPdfToFile = (
  text: string,
  source: vscode.Uri,
  output: vscode.Uri,
  options: ExportPdfToFileOptions,
) => Promise<vscode.Uri>;
