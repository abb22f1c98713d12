// Owns every open preview: opens and reuses panels, follows the active Markdown editor unless a
// preview is locked, routes editor events to the previews, and revives panels after a reload.
import * as vscode from 'vscode';
import type { PreviewState, SnapshotReport } from '../../shared/preview';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewDeps } from './previewPanel';

export class PreviewManager implements vscode.WebviewPanelSerializer<PreviewState>, vscode.Disposable {
  readonly #previews = new Set<PreviewPanel>();
  #active: PreviewPanel | undefined;
  readonly #disposables: vscode.Disposable[];

  readonly #deps: PreviewDeps;

  constructor(deps: PreviewDeps) {
    this.#deps = deps;
    this.#disposables = [
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      // An event without content changes only says the dirty state changed: nothing to render.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.#forDocument(e.document.uri, (p) => p.documentChanged());
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) =>
        this.#forDocument(e.textEditor.document.uri, (p) => p.editorScrolled(e.textEditor)),
      ),
      vscode.window.onDidChangeTextEditorSelection((e) =>
        this.#forDocument(e.textEditor.document.uri, (p) => p.editorSelectionChanged(e.textEditor)),
      ),
      vscode.window.onDidChangeActiveTextEditor((e) => this.#follow(e)),
      deps.settings.onDidChange((change) => {
        if (change.affectsPreview) this.refreshAll(true);
      }),
      deps.securityLevels.onDidChange(() => {
        for (const p of this.#previews) p.reload();
      }),
    ];
  }

  /** Opens (or reveals) the preview of `uri`; an unlocked preview switches to it. */
  open(uri: vscode.Uri, toSide: boolean): PreviewPanel {
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const existing = [...this.#previews].find((p) => p.uri.toString() === uri.toString()) ?? [...this.#previews].find((p) => !p.locked);
    if (existing) {
      existing.switchTo(uri);
      existing.panel.reveal(existing.panel.viewColumn ?? column, toSide);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Mathdown',
      { viewColumn: column, preserveFocus: toSide },
      { enableScripts: true, enableFindWidget: true },
    );
    return this.#track(new PreviewPanel(panel, this.#deps, { source: uri.toString(), locked: false, line: topLineOf(uri) }));
  }

  /** The preview the user last interacted with. */
  get activePreview(): PreviewPanel | undefined {
    return this.#active;
  }

  toggleLock(preview = this.#active): void {
    preview?.setLocked(!preview.locked);
  }

  refreshAll(full: boolean): void {
    for (const p of this.#previews) p.refresh(full);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    const source = state?.source ?? vscode.window.activeTextEditor?.document.uri.toString();
    if (!source) {
      panel.dispose();
      return;
    }
    this.#track(new PreviewPanel(panel, this.#deps, { source, locked: state?.locked ?? false, line: state?.line ?? 0 }));
  }

  /** Test hook: the webview's report of the active (or only) preview. */
  snapshot(timeoutMs?: number): Promise<SnapshotReport & { uri: string; locked: boolean }> {
    const p = this.#active ?? [...this.#previews][0];
    if (!p) return Promise.reject(new Error('no preview is open'));
    return p.snapshot(timeoutMs).then((r) => ({ ...r, uri: p.uri.toString(), locked: p.locked }));
  }

  /** Test hook: scrolls the active preview as if the reader did. */
  testUserScroll(line: number): void {
    (this.#active ?? [...this.#previews][0])?.testUserScroll(line);
  }

  /** Test hook: clicks or double-clicks an element in the active preview. */
  testDispatch(selector: string, event: 'click' | 'dblclick'): void {
    (this.#active ?? [...this.#previews][0])?.testDispatch(selector, event);
  }

  /** Test hook: see TestToWebview.TestProbe (the active preview). */
  testProbe(probe: 'contextMenu' | 'copySelection', selector: string, to?: string): Promise<unknown> {
    const p = this.#active ?? [...this.#previews][0];
    return p ? p.testProbe(probe, selector, to) : Promise.reject(new Error('no preview is open'));
  }

  /** Test hook: the active preview's next render fails. */
  testFailNextRender(): void {
    const p = this.#active ?? [...this.#previews][0];
    if (p) p.failNextRender = true;
  }

  #track(preview: PreviewPanel): PreviewPanel {
    this.#previews.add(preview);
    this.#active = preview;
    preview.panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.#active = preview;
    });
    preview.onDidDispose(() => {
      this.#previews.delete(preview);
      if (this.#active === preview) this.#active = [...this.#previews][0];
    });
    return preview;
  }

  #follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'markdown') return;
    for (const p of this.#previews) {
      if (!p.locked) p.switchTo(editor.document.uri, editor.visibleRanges[0]?.start.line ?? 0);
    }
  }

  #forDocument(uri: vscode.Uri, f: (p: PreviewPanel) => void): void {
    const key = uri.toString();
    for (const p of this.#previews) if (p.uri.toString() === key) f(p);
  }

  dispose(): void {
    for (const p of [...this.#previews]) p.dispose();
    for (const d of this.#disposables) d.dispose();
  }
}

function topLineOf(uri: vscode.Uri): number {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  return editor?.visibleRanges[0]?.start.line ?? 0;
}
