// The `.mathdown.json` and preamble files behind the documents' settings, loaded through the
// core's loader (the CLI's), kept until one of them changes on disk or is saved; their problems
// are diagnostics on the files themselves.
import * as vscode from 'vscode';
import type { ConfigDiagnostic, ProjectSettings } from '../../core';

interface Entry {
  promise: Promise<ProjectSettings>;
  result?: ProjectSettings;
}

const CONFIG_FILE = '.mathdown.json';

export class ProjectFiles implements vscode.Disposable {
  readonly #entries = new Map<string, Entry>();
  readonly #diagnostics = vscode.languages.createDiagnosticCollection('mathdown-settings');
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #subscriptions: vscode.Disposable[];
  /** Fires when a settings or preamble file changed: settings read now are new. */
  readonly onDidChange = this.#changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE},*.tex,*.sty}`);
    const changed = (uri: vscode.Uri): void => this.#fileChanged(uri);
    this.#subscriptions = [
      this.#changed,
      this.#diagnostics,
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(changed),
      // Preamble files outside the workspace are not watched, but saving them in the editor counts.
      vscode.workspace.onDidSaveTextDocument((d) => changed(d.uri)),
    ];
  }

  /**
   * The loaded settings for `key`, or undefined while `load` (started now if need be) runs. No event
   * follows the load: the preview, lint and export wait for `ready`; completion and hover take
   * the files' settings from their next request on.
   */
  get(key: string, load: () => Promise<ProjectSettings>): ProjectSettings | undefined {
    return this.#entry(key, load).result;
  }

  ready(key: string, load: () => Promise<ProjectSettings>): Promise<ProjectSettings> {
    return this.#entry(key, load).promise;
  }

  /** Everything is read again on next use (the VS Code settings below the files changed). */
  clear(): void {
    this.#entries.clear();
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
  }

  #entry(key: string, load: () => Promise<ProjectSettings>): Entry {
    let entry = this.#entries.get(key);
    if (entry) return entry;
    const created: Entry = { promise: load() };
    entry = created;
    this.#entries.set(key, entry);
    created.promise.then(
      (result) => {
        if (this.#entries.get(key) !== created) return;
        created.result = result;
        this.#show(result);
      },
      () => {
        // The loader reports problems as diagnostics and does not throw; if it ever did, try again next time.
        if (this.#entries.get(key) === created) this.#entries.delete(key);
      },
    );
    return entry;
  }

  #fileChanged(uri: vscode.Uri): void {
    const name = uri.toString();
    const involved =
      uri.path.endsWith('/' + CONFIG_FILE) ||
      [...this.#entries.values()].some((e) => e.result && (e.result.configFile === name || e.result.preambleFiles.includes(name)));
    if (!involved) return;
    this.#entries.clear();
    this.#diagnostics.clear();
    this.#changed.fire();
  }

  /** The load's problems, on each file it read (replacing what an earlier load of that file found). */
  #show(result: ProjectSettings): void {
    const files = new Set([...(result.configFile ? [result.configFile] : []), ...result.preambleFiles]);
    for (const d of result.diagnostics) files.add(d.file);
    for (const file of files) {
      const uri = vscode.Uri.parse(file, true);
      this.#diagnostics.set(uri, result.diagnostics.filter((d) => d.file === file).map(toDiagnostic));
    }
  }
}

const MESSAGES: Record<ConfigDiagnostic['kind'], (message: string) => string> = {
  syntax: (m) => `This Mathdown settings file ${m}; until it is fixed, Mathdown goes on without it.`,
  setting: (m) => `${m}; the VS Code setting or the default applies.`,
  unreadable: (m) => m,
  preamble: (m) => m,
};

function toDiagnostic(d: ConfigDiagnostic): vscode.Diagnostic {
  const start = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.column - 1));
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start, start.translate(0, 1)),
    MESSAGES[d.kind](d.message),
    d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'mathdown';
  return diagnostic;
}
