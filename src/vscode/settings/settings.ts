// The one reader of Mathdown's settings in VS Code: one snapshot per scope, read on first use and kept
// until the configuration or a settings file changes, so that keystrokes, scrolls and selection
// changes read no settings. A document's snapshot is its VS Code settings (user < workspace <
// folder < language), then the nearest `.mathdown.json` and the preamble files, through the
// core's loader, the one the CLI uses (README, "Where settings come from").
import * as vscode from 'vscode';
import { core } from '../core';
import { ProjectFiles } from './projectFiles';
import { settingsChange, SettingsChange, type SettingsArea } from './settingsChange';
import { buildSnapshot, type SettingsSnapshot } from './snapshot';
import { vscodeConfigHost } from './vscodeConfigHost';

const EVERY_AREA: ReadonlySet<SettingsArea> = new Set(['preview', 'math', 'lint', 'export']);

/** The scheme of a notebook cell's text document. */
const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

export class Settings implements vscode.Disposable {
  /**
   * VS Code's settings by workspace folder (folder settings differ, nothing finer does) and, for a
   * document scope, its language (VS Code applies `[markdown]` overrides to a document scope, not to a URI).
   */
  readonly #snapshots = new Map<string, SettingsSnapshot>();
  /** With the settings files, by the key above and the document's folder. */
  readonly #merged = new Map<string, SettingsSnapshot>();
  readonly #cells = new WeakMap<SettingsSnapshot, SettingsSnapshot>();
  readonly #files = new ProjectFiles();
  readonly #changed = new vscode.EventEmitter<SettingsChange>();
  readonly #subscriptions: vscode.Disposable[];
  /** Fires after a change touched Mathdown's settings; snapshots read then are new. */
  readonly onDidChange = this.#changed.event;

  constructor() {
    this.#subscriptions = [
      this.#changed,
      this.#files,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('mathdown')) return;
        this.#forget();
        const change = settingsChange((section) => e.affectsConfiguration(section));
        if (change) this.#changed.fire(change);
      }),
      // A settings or preamble file changed: any area may differ.
      this.#files.onDidChange(() => {
        this.#merged.clear();
        this.#changed.fire(new SettingsChange(EVERY_AREA));
      }),
      // A document may now belong to another folder.
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.#forget()),
    ];
  }

  /**
   * The settings in force for `scope` (a document, so that folder and language settings apply, or
   * its URI). Until the document's settings files are read (see `ready`, which the preview, lint
   * and export wait for), VS Code's settings alone.
   */
  for(scope?: vscode.ConfigurationScope): SettingsSnapshot {
    const cell = cellScope(scope);
    return cell ? this.#forCell(this.#forScope(cell)) : this.#forScope(scope);
  }

  /** The settings for `scope` once its settings files are read: what renders and lints wait for. */
  async ready(scope?: vscode.ConfigurationScope): Promise<SettingsSnapshot> {
    const project = this.#project(cellScope(scope) ?? scope);
    if (project && !this.#merged.has(project.key)) await this.#files.ready(project.key, project.load);
    return this.for(scope);
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
  }

  #forget(): void {
    this.#snapshots.clear();
    this.#merged.clear();
    this.#files.clear();
  }

  #forScope(scope: vscode.ConfigurationScope | undefined): SettingsSnapshot {
    const project = this.#project(scope);
    if (!project) return this.#vscodeSnapshot(scope);
    const merged = this.#merged.get(project.key);
    if (merged) return merged;
    const result = this.#files.get(project.key, project.load);
    return result ? this.#merge(project.key, scope, result.settings) : this.#vscodeSnapshot(scope);
  }

  /** A notebook cell's settings: its folder's, with the notebook's lint destinations (one object per snapshot). */
  #forCell(snapshot: SettingsSnapshot): SettingsSnapshot {
    let cell = this.#cells.get(snapshot);
    if (!cell) {
      cell = { ...snapshot, core: core().notebookCellSettings(snapshot.core) };
      this.#cells.set(snapshot, cell);
    }
    return cell;
  }

  #vscodeSnapshot(scope: vscode.ConfigurationScope | undefined): SettingsSnapshot {
    const key = keyOf(scope);
    let snapshot = this.#snapshots.get(key);
    if (!snapshot) {
      const c = vscode.workspace.getConfiguration('mathdown', scope);
      snapshot = buildSnapshot((k) => c.get<unknown>(k), core().parseSettings, core().SETTING_KEYS);
      this.#snapshots.set(key, snapshot);
    }
    return snapshot;
  }

  #merge(key: string, scope: vscode.ConfigurationScope | undefined, settings: SettingsSnapshot['core']): SettingsSnapshot {
    const snapshot = { ...this.#vscodeSnapshot(scope), core: settings };
    this.#merged.set(key, snapshot);
    return snapshot;
  }

  /** The settings files' part for a saved document (untitled ones have no folder to search from). */
  #project(scope: vscode.ConfigurationScope | undefined) {
    const uri = uriOf(scope);
    if (!uri || uri.scheme === 'untitled') return undefined;
    const dir = vscode.Uri.joinPath(uri, '..');
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    return {
      key: `${keyOf(scope)}\n${dir.toString()}`,
      load: () =>
        core().loadProjectSettings({
          host: vscodeConfigHost,
          dir: dir.toString(),
          base: this.#vscodeSnapshot(scope).core,
          baseDir: (folder ?? dir).toString(),
        }),
    };
  }
}

/**
 * A notebook cell's settings are those of its notebook's file (its folder, its `.mathdown.json`),
 * read as a Markdown document: the scope standing for the cell in `scope`, if it is one.
 */
function cellScope(scope: vscode.ConfigurationScope | undefined): vscode.ConfigurationScope | undefined {
  const uri = uriOf(scope);
  if (uri?.scheme !== NOTEBOOK_CELL_SCHEME) return undefined;
  // A cell's URI is its notebook's with another scheme and a fragment: notebooks are matched by path,
  // and their cells read only when two open notebooks share it (one saved, one untitled, say).
  const samePath = vscode.workspace.notebookDocuments.filter((n) => n.uri.path === uri.path && n.uri.authority === uri.authority);
  const cell = uri.toString();
  const notebook = samePath.length === 1 ? samePath[0] : samePath.find((n) => n.getCells().some((c) => c.document.uri.toString() === cell));
  // A cell whose notebook is gone: the notebook's path without the cell's fragment.
  return { uri: notebook?.uri ?? uri.with({ scheme: 'untitled', fragment: '' }), languageId: 'markdown' };
}

function uriOf(scope: vscode.ConfigurationScope | undefined): vscode.Uri | undefined {
  return !scope || scope instanceof vscode.Uri ? scope : scope.uri;
}

function keyOf(scope: vscode.ConfigurationScope | undefined): string {
  const uri = uriOf(scope);
  const folder = uri ? (vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '') : '';
  const language = scope && !(scope instanceof vscode.Uri) && 'languageId' in scope ? scope.languageId : '';
  return `${folder}\n${language}`;
}
