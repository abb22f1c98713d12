import * as vscode from 'vscode';
import type { LintDiagnostic, LintWorkerClient, MathdownRenderer, MathdownSettings, ParseCache } from '../../core';
import { core } from '../core';
import {
  cellContext,
  cellFormulas,
  knownInNotebook,
  notebookContexts,
  notebookOf,
  withCellMacros,
  type CellContext,
  type FormulasOf,
} from '../notebook/cellContext';
import { toDiagnostic } from './toDiagnostic';
import type { FirstScreens } from '../schedule/firstScreens';

export interface LintDeps {
  renderer: () => MathdownRenderer;
  /** The documents' parses, shared with the preview and completion/hover (keyed by URI). */
  parses: () => ParseCache;
  /** The thread lint and fix-all run in. */
  linter: () => LintWorkerClient;
  settings: (scope?: vscode.ConfigurationScope) => MathdownSettings;
  /** The settings once the document's settings files are read (see Settings.ready). */
  settingsReady: (scope: vscode.ConfigurationScope) => Promise<MathdownSettings>;
  /** Previews putting up a first screen: lint of that document waits for it, and a running one gives way. */
  firstScreens?: FirstScreens;
}

const TYPING_PAUSE_MS = 400;
/**
 * Lint on open starts this long after the document opened: a preview asked for right after
 * opening (or opening with it) then starts first, and lint waits for its first screen.
 */
const OPEN_PAUSE_MS = 500;

/** A lint of a typed version under `onSave`, kept for its save; `done` once it came back with diagnostics. */
interface PreparedLint {
  version: number;
  run: Promise<LintDiagnostic[] | undefined>;
  done?: boolean;
}

/** The core's diagnostics of one document version, kept for the code actions. */
export interface LintResult {
  version: number;
  diagnostics: LintDiagnostic[];
}

/**
 * Keeps the Problems panel in step with the math of open Markdown documents: lints on open and
 * save (and after a pause in typing with `onType`), clears on close. Each run gets a generation
 * number; a result that comes back after a newer run started (or a settings change) is dropped.
 */
export class LintController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('mathdown');
  readonly #results = new Map<string, LintResult>();
  readonly #generation = new Map<string, number>();
  readonly #running = new Map<string, AbortController>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's diagnostics were replaced. */
  readonly onDidLint = this.#changed.event;
  readonly #deps: LintDeps;
  readonly #docsFolder: vscode.Uri;
  /** Notebook cells: the context (`CellContext.key`) each was last linted with. */
  readonly #cellKeys = new Map<string, string>();
  readonly #notebookTimers = new Map<vscode.NotebookDocument, ReturnType<typeof setTimeout>>();
  readonly #cellFormulas: FormulasOf;
  /**
   * With `onSave`: diagnostics worked out after a pause in typing, shown when the document is saved
   * at that version (at once, instead of linting after the save), or a run for it still going.
   */
  readonly #prepared = new Map<string, PreparedLint>();
  /** Test hook: lint runs started per document. */
  readonly #runs = new Map<string, number>();

  constructor(deps: LintDeps, docsFolder: vscode.Uri) {
    this.#deps = deps;
    this.#docsFolder = docsFolder;
    this.#cellFormulas = cellFormulas(deps.parses, (cell) => deps.settings(cell).math);
    const w = vscode.workspace;
    this.#subscriptions.push(
      this.collection,
      this.#changed,
      w.onDidOpenTextDocument((d) => this.#schedule(d, 'open')),
      w.onDidSaveTextDocument((d) => this.#schedule(d, 'save')),
      w.onDidChangeTextDocument((e) => {
        // A save fires this too, with no change (the dirty state): that is not typing.
        if (e.contentChanges.length) this.#schedule(e.document, 'type');
        // A cell's text changed: the notebook's change event carries it too; either starts the one timer of the notebook.
        const notebook = notebookOf(e.document);
        if (notebook) this.#relintNotebookSoon(notebook);
      }),
      w.onDidCloseTextDocument((d) => this.#forget(d.uri)),
      w.onDidChangeNotebookDocument((e) => this.#notebookChanged(e)),
      w.onDidCloseNotebookDocument((nb) => {
        clearTimeout(this.#notebookTimers.get(nb));
        this.#notebookTimers.delete(nb);
      }),
    );
    if (deps.firstScreens) this.#subscriptions.push(deps.firstScreens.onBegin((uri) => this.#giveWay(uri)));
    for (const d of w.textDocuments) this.#schedule(d, 'open');
  }

  /** The diagnostics of `document` if they belong to its current version. */
  resultFor(document: vscode.TextDocument): LintResult | undefined {
    const r = this.#results.get(document.uri.toString());
    return r && r.version === document.version ? r : undefined;
  }

  /** Lints every open Markdown document again (settings changed). */
  relintAll(): void {
    this.#prepared.clear();
    for (const d of vscode.workspace.textDocuments) this.#schedule(d, 'open');
  }

  /** Lints now and resolves when the diagnostics are in place (or the run was superseded). */
  async lint(document: vscode.TextDocument, context?: CellContext): Promise<void> {
    const key = document.uri.toString();
    const ready = this.#prepared.get(key);
    this.#prepared.delete(key);
    if (ready && !context && ready.version === document.version) {
      // Worked out since the last keystroke (or being worked out): shown as soon as it is there.
      const diagnostics = await ready.run;
      if (diagnostics && !document.isClosed && document.version === ready.version) {
        this.#publish(document, ready.version, diagnostics);
        return;
      }
    }
    const result = await this.#compute(document, context);
    if (result) this.#publish(document, result.version, result.diagnostics);
  }

  /** With `onSave`: lints the document as typed, keeping the diagnostics for its save (see #prepared). */
  #prepare(document: vscode.TextDocument): void {
    const entry: PreparedLint = {
      version: document.version,
      run: this.#compute(document).then((r) => {
        entry.done = r !== undefined;
        return r?.diagnostics;
      }),
    };
    this.#prepared.set(document.uri.toString(), entry);
  }

  /** Test hook: lint runs started for `uri`, and the version whose diagnostics wait for its save, if any. */
  testState(uri: string): { runs: number; preparedVersion: number | undefined } {
    const prepared = this.#prepared.get(uri);
    return { runs: this.#runs.get(uri) ?? 0, preparedVersion: prepared?.done ? prepared.version : undefined };
  }

  /** The document's diagnostics now; undefined when lint is off, failed, or a newer run or edit superseded this one. */
  async #compute(
    document: vscode.TextDocument,
    context?: CellContext,
  ): Promise<{ version: number; diagnostics: LintDiagnostic[] } | undefined> {
    const key = document.uri.toString();
    const settings = await this.#deps.settingsReady(document);
    if (settings.lint.run === 'off') {
      this.#forget(document.uri);
      return undefined;
    }
    this.#runs.set(key, (this.#runs.get(key) ?? 0) + 1);
    const generation = (this.#generation.get(key) ?? 0) + 1;
    this.#generation.set(key, generation);
    this.#running.get(key)?.abort();
    const abort = new AbortController();
    this.#running.set(key, abort);
    const version = document.version;
    const text = document.getText();
    // A notebook cell: the macros of the cells before it apply, labels of other cells are known.
    const cell = context ?? cellContext(document, this.#cellFormulas);
    let diagnostics: LintDiagnostic[];
    try {
      diagnostics = await core().lintDocument(text, cell ? { ...settings, math: withCellMacros(settings.math, cell) } : settings, {
        renderer: this.#deps.renderer(),
        parses: this.#deps.parses(),
        documentKey: key,
        signal: abort.signal,
        worker: this.#deps.linter(),
      });
    } catch (e) {
      if (!abort.signal.aborted) console.error('[mathdown] lint failed', e);
      return undefined;
    } finally {
      if (this.#running.get(key) === abort) this.#running.delete(key);
    }
    if (this.#generation.get(key) !== generation || document.isClosed || document.version !== version) return undefined;
    if (cell) {
      diagnostics = diagnostics.filter(knownInNotebook(cell));
      this.#cellKeys.set(key, cell.key);
    }
    return { version, diagnostics };
  }

  #publish(document: vscode.TextDocument, version: number, diagnostics: LintDiagnostic[]): void {
    const key = document.uri.toString();
    this.#results.set(key, { version, diagnostics });
    this.collection.set(
      document.uri,
      diagnostics.map((d) => toDiagnostic(document, d, this.#docsFolder)),
    );
    this.#changed.fire(document.uri);
  }

  /**
   * A cell of a notebook edited, added, moved or deleted: the other Markdown cells whose context
   * changed with it (a macro before them, a label they name) are linted again once edits pause.
   */
  #notebookChanged(e: vscode.NotebookDocumentChangeEvent): void {
    if (e.contentChanges.length || e.cellChanges.some((c) => c.document)) this.#relintNotebookSoon(e.notebook);
  }

  #relintNotebookSoon(notebook: vscode.NotebookDocument): void {
    clearTimeout(this.#notebookTimers.get(notebook));
    this.#notebookTimers.set(
      notebook,
      setTimeout(() => {
        this.#notebookTimers.delete(notebook);
        if (notebook.isClosed) return;
        for (const [document, context] of notebookContexts(notebook, this.#cellFormulas)) {
          const key = document.uri.toString();
          // Cells never linted (lint off, or not linted yet) are left to their own schedule.
          const last = this.#cellKeys.get(key);
          if (last !== undefined && last !== context.key) void this.lint(document, context);
        }
      }, TYPING_PAUSE_MS),
    );
  }

  #schedule(document: vscode.TextDocument, why: 'open' | 'save' | 'type'): void {
    if (document.languageId !== 'markdown' || document.uri.scheme === 'git') return;
    const key = document.uri.toString();
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    const setting = this.#deps.settings(document).lint.run;
    // An untitled document has no save to wait for (and VS Code may fill in its text just after
    // opening it): under onSave it is checked as you type instead.
    const run = setting === 'onSave' && document.isUntitled ? 'onType' : setting;
    if (run === 'off') {
      this.#forget(document.uri);
      return;
    }
    if (why === 'open' && this.#deps.firstScreens) {
      this.#timers.set(
        key,
        setTimeout(() => {
          this.#timers.delete(key);
          void this.#lintAfterFirstScreen(document);
        }, OPEN_PAUSE_MS),
      );
      return;
    }
    if (why === 'save' && this.#deps.firstScreens?.busy(key)) {
      void this.#lintAfterFirstScreen(document);
      return;
    }
    if (why === 'type') {
      // a typed change makes the shown fixes stale; newer generations drop older results
      this.#generation.set(key, (this.#generation.get(key) ?? 0) + 1);
      this.#prepared.delete(key);
      // With onSave, the diagnostics are worked out in the pause too, and shown when the document is saved.
      if (run !== 'onType' && run !== 'onSave') return;
      this.#timers.set(
        key,
        setTimeout(() => {
          this.#timers.delete(key);
          if (run === 'onType') void this.lint(document);
          else this.#prepare(document);
        }, TYPING_PAUSE_MS),
      );
      return;
    }
    void this.lint(document);
  }

  /** Lints once no preview of the document is putting up its first screen (at once when none is). */
  async #lintAfterFirstScreen(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const generation = this.#generation.get(key);
    await this.#deps.firstScreens?.whenShown(key);
    // closed, or linted anew, meanwhile
    if (document.isClosed || this.#generation.get(key) !== generation) return;
    await this.lint(document);
  }

  /** A preview of `uri` starts its first screen: a lint of that document running now stops and starts again after it. */
  #giveWay(uri: string): void {
    const running = this.#running.get(uri);
    if (!running) return;
    running.abort();
    this.#running.delete(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (document) void this.#lintAfterFirstScreen(document);
  }

  #forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.#generation.set(key, (this.#generation.get(key) ?? 0) + 1);
    this.#running.get(key)?.abort();
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    this.#results.delete(key);
    this.#prepared.delete(key);
    this.#cellKeys.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    for (const t of this.#notebookTimers.values()) clearTimeout(t);
    for (const a of this.#running.values()) a.abort();
    for (const s of this.#subscriptions) s.dispose();
  }
}
