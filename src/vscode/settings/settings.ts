// The one reader of Mathdown's VS Code settings: one snapshot per scope, read on first use and kept
// until the configuration changes, so that keystrokes, scrolls and selection changes read no settings.
import * as vscode from 'vscode';
import { core } from '../core';
import { settingsChange, type SettingsChange } from './settingsChange';
import { buildSnapshot, type SettingsSnapshot } from './snapshot';

export class Settings implements vscode.Disposable {
  /**
   * By workspace folder (folder settings differ, nothing finer does) and, for a document scope,
   * its language (VS Code applies `[markdown]` overrides to a document scope, not to a URI).
   */
  readonly #snapshots = new Map<string, SettingsSnapshot>();
  readonly #changed = new vscode.EventEmitter<SettingsChange>();
  readonly #subscriptions: vscode.Disposable[];
  /** Fires after a configuration change touched Mathdown's settings; snapshots read then are new. */
  readonly onDidChange = this.#changed.event;

  constructor() {
    this.#subscriptions = [
      this.#changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('mathdown')) return;
        this.#snapshots.clear();
        const change = settingsChange((section) => e.affectsConfiguration(section));
        if (change) this.#changed.fire(change);
      }),
      // A document may now belong to another folder.
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.#snapshots.clear()),
    ];
  }

  /** The settings in force for `scope` (a document or its URI, so that folder settings apply). */
  for(scope?: vscode.ConfigurationScope): SettingsSnapshot {
    const key = keyOf(scope);
    let snapshot = this.#snapshots.get(key);
    if (!snapshot) {
      const c = vscode.workspace.getConfiguration('mathdown', scope);
      snapshot = buildSnapshot((k) => c.get<unknown>(k), core().parseSettings);
      this.#snapshots.set(key, snapshot);
    }
    return snapshot;
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
  }
}

function keyOf(scope: vscode.ConfigurationScope | undefined): string {
  const uri = !scope || scope instanceof vscode.Uri ? scope : scope.uri;
  const folder = uri ? (vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '') : '';
  const language = scope && !(scope instanceof vscode.Uri) && 'languageId' in scope ? scope.languageId : '';
  return `${folder}\n${language}`;
}
