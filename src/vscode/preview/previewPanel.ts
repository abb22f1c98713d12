// One preview panel showing one Markdown document: renders on change (at once when idle; edits
// made while a render runs are coalesced into one render after it; or after `debounceMs` when the
// user set one), sends only the blocks the webview does not have yet, and answers the webview's messages.
import * as vscode from 'vscode';
import type { FirstScreen, MathdownRenderer, RenderResult } from '../../core';
import { partitionPoint } from '../../shared/binarySearch';
import type {
  BlockHtml,
  FormulaCopies,
  FromWebviewMessage,
  ToWebview,
  InitialSettings,
  PreviewState,
  SnapshotReport,
  TestToWebview,
  ToWebviewMessage,
} from '../../shared/preview';
import type { SecurityLevels } from '../previewSecurity/securityLevels';
import type { Settings } from '../settings/settings';
import { EditorScrollSync } from './editorScrollSync';
import { openLink } from './openLink';
import { blockDiff, type SentBlock } from './blockDiff';
import { formulaSources, sourcesDiff } from './sourcesDiff';
import { previewPageHtml } from './previewPage';
import { escapeAttribute } from '../../shared/escapeHtml';
import { CoalescingRunner } from '../schedule/coalescingRunner';
import type { FirstScreens } from '../schedule/firstScreens';
import { LoadingHold } from '../schedule/loadingHold';

export const PREVIEW_VIEW_TYPE = 'mathdown.preview';

export interface PreviewDeps {
  readonly extensionUri: vscode.Uri;
  readonly renderer: () => MathdownRenderer;
  readonly settings: Settings;
  readonly securityLevels: SecurityLevels;
  /** Told when a first screen starts and is shown, so that lint on open waits for it. */
  readonly firstScreens?: FirstScreens;
  /** False only in a benchmark of what the assistive MathML costs (Host.previewAssistiveMml). */
  readonly assistiveMml?: boolean;
  /** Told after each render: the host gives back the memory a burst of renders grew it by, once they pause (HeapRelease). */
  readonly afterRender?: () => void;
}

export class PreviewPanel implements vscode.Disposable {
  #resource: vscode.Uri;
  #isLocked: boolean;
  #line: number;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #scrollSync: EditorScrollSync;
  readonly #onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.#onDisposeEmitter.event;
  #ready = false;
  /** What the webview holds: the blocks of the last update and that update's number. */
  #sentBlocks: SentBlock[] = [];
  #seq = 0;
  /** Each block's HTML by key, for the last update and the one before it. */
  #html = new Map<string, BlockHtml>();
  #previousHtml = new Map<string, BlockHtml>();
  #sentCss: string | undefined;
  #sentFontDefs: string | undefined;
  #postedVersion = -1;
  /** While the page loads, the document's other work (lint on open) waits as for a first screen. */
  readonly #loadingHold: LoadingHold;
  #generation = 0;
  #abort: AbortController | undefined;
  /** Renders one at a time; the argument is whether to resend every block (requests OR it). */
  readonly #renders = new CoalescingRunner<boolean>(
    (reset) => this.#render(reset).finally(() => this.#deps.afterRender?.()),
    (a, b) => a || b,
  );
  #snapshotId = 0;
  /** Test hook: the next render throws, as a renderer bug would. */
  failNextRender = false;
  readonly #snapshots = new Map<number, (r: SnapshotReport) => void>();
  /** The formula sources the webview holds (see SourcesChange). */
  #sentSources: string[] = [];
  #formulaRequestId = 0;
  readonly #formulaRequests = new Map<number, (d: FormulaCopies | null) => void>();
  readonly #probes = new Map<number, (r: unknown) => void>();
  #disposed = false;

  readonly #deps: PreviewDeps;

  constructor(
    readonly panel: vscode.WebviewPanel,
    deps: PreviewDeps,
    state: PreviewState,
  ) {
    this.#deps = deps;
    this.#loadingHold = new LoadingHold(deps.firstScreens);
    this.#resource = vscode.Uri.parse(state.source);
    this.#isLocked = state.locked;
    this.#line = state.line;
    this.#scrollSync = new EditorScrollSync((line) => {
      this.#line = line;
      this.#post({ type: 'scrollToLine', source: this.#source, line });
    });
    this.#disposables.push(
      this.#scrollSync,
      panel.webview.onDidReceiveMessage((m: FromWebviewMessage) => this.#onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.#loadPage();
  }

  get uri(): vscode.Uri {
    return this.#resource;
  }
  get locked(): boolean {
    return this.#isLocked;
  }
  get state(): PreviewState {
    return { source: this.#source, locked: this.#isLocked, line: this.#line };
  }
  get #source(): string {
    return this.#resource.toString();
  }

  /** Shows another document (the active editor changed and the preview is not locked). */
  switchTo(uri: vscode.Uri, line = 0): void {
    if (uri.toString() === this.#source) return;
    this.#resource = uri;
    this.#line = line;
    this.#loadPage();
  }

  /** Loads the page again (its policy changed with the security level); the blocks follow as on a first load. */
  reload(): void {
    this.#loadPage();
  }

  setLocked(locked: boolean): void {
    this.#isLocked = locked;
    this.#updateTitle();
    this.#post({ type: 'locked', source: this.#source, locked });
  }

  /** Re-renders now; `full` resends every block (settings changed, or the user asked). */
  refresh(full: boolean): void {
    const { preview } = this.#deps.settings.for(this.#resource);
    this.#post({
      type: 'style',
      source: this.#source,
      style: { fontSize: preview.fontSize, lineHeight: preview.lineHeight },
      scrollEditorWithPreview: preview.scrollEditorWithPreview,
      scrollPreviewWithEditor: preview.scrollPreviewWithEditor,
    });
    this.#renderNow(full);
  }

  documentChanged(): void {
    // The render starts at once when none runs (debounceMs 0, the default); while one runs, the
    // edits wait and are rendered together after it, so typing never queues more than one render.
    this.#renders.request({ delayMs: this.#deps.settings.for(this.#resource).preview.debounceMs, arg: false });
  }

  /** A render that makes the running one moot (new page, settings): that one is cancelled, this one follows it. */
  #renderNow(reset: boolean): void {
    this.#abort?.abort();
    this.#renders.request({ delayMs: 0, arg: reset });
  }

  editorScrolled(editor: vscode.TextEditor): void {
    if (this.#deps.settings.for(this.#resource).preview.scrollPreviewWithEditor) this.#scrollSync.editorScrolled(editor);
  }

  editorSelectionChanged(editor: vscode.TextEditor): void {
    const mark = this.#deps.settings.for(this.#resource).preview.markEditorSelection;
    this.#post({ type: 'editorSelection', source: this.#source, line: mark ? editor.selection.active.line : null });
  }

  /** Test hook: what the webview reports about its DOM. */
  snapshot(timeoutMs = 10_000): Promise<SnapshotReport> {
    const id = ++this.#snapshotId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#snapshots.delete(id);
        reject(new Error('the preview did not answer'));
      }, timeoutMs);
      this.#snapshots.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.#post({ type: 'snapshotRequest', source: this.#source, id });
    });
  }

  /**
   * Formula `formula` (its `data-formula` index) as the copy commands put it on the clipboard, from
   * what the page shows; null when the page holds no such formula or does not answer in time.
   */
  formulaCopies(formula: number, timeoutMs = 10_000): Promise<FormulaCopies | null> {
    const id = ++this.#formulaRequestId;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#formulaRequests.delete(id);
        resolve(null);
      }, timeoutMs);
      this.#formulaRequests.set(id, (d) => {
        clearTimeout(timer);
        resolve(d);
      });
      this.#post({ type: 'formulaRequest', source: this.#source, id, formula });
    });
  }

  /** Test hook: see TestToWebview.TestProbe. */
  testProbe(probe: TestToWebview.TestProbe['probe'], selector: string, to?: string, timeoutMs = 10_000): Promise<unknown> {
    const id = ++this.#snapshotId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#probes.delete(id);
        reject(new Error('the preview did not answer'));
      }, timeoutMs);
      this.#probes.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.#post({ type: 'testProbe', source: this.#source, id, probe, selector, ...(to !== undefined ? { to } : {}) });
    });
  }

  /** Test hook: makes the webview scroll as if the reader did. */
  testUserScroll(line: number): void {
    this.#post({ type: 'testUserScroll', source: this.#source, line });
  }

  /** Test hook: makes the webview click or double-click an element. */
  testDispatch(selector: string, event: 'click' | 'dblclick'): void {
    this.#post({ type: 'testDispatch', source: this.#source, selector, event });
  }

  #loadPage(): void {
    this.#ready = false;
    this.#generation++;
    this.#abort?.abort();
    this.#sentBlocks = [];
    this.#sentCss = this.#sentFontDefs = undefined;
    this.#postedVersion = -1;
    const { preview } = this.#deps.settings.for(this.#resource);
    const folder = vscode.workspace.getWorkspaceFolder(this.#resource)?.uri;
    this.panel.webview.options = {
      enableScripts: true,
      enableForms: false,
      localResourceRoots: [
        vscode.Uri.joinPath(this.#deps.extensionUri, 'dist'),
        vscode.Uri.joinPath(this.#deps.extensionUri, 'media'),
        folder ?? vscode.Uri.joinPath(this.#resource, '..'),
      ],
    };
    const settings: InitialSettings = {
      state: this.state,
      style: { fontSize: preview.fontSize, lineHeight: preview.lineHeight },
      scrollPreviewWithEditor: preview.scrollPreviewWithEditor,
      scrollEditorWithPreview: preview.scrollEditorWithPreview,
    };
    const level = this.#deps.securityLevels.for(this.#resource);
    this.panel.webview.html = previewPageHtml(this.panel.webview, this.#deps.extensionUri, this.#resource, settings, level);
    this.#updateTitle();
    // A page in a hidden tab does not load until shown: nothing to hold for.
    if (this.panel.visible) this.#loadingHold.hold(this.#source);
    else this.#loadingHold.release();
  }

  #updateTitle(): void {
    const name = this.#resource.path.slice(this.#resource.path.lastIndexOf('/') + 1);
    this.panel.title = this.#isLocked ? `[Locked] Mathdown: ${name}` : `Mathdown: ${name}`;
    this.panel.iconPath = {
      light: vscode.Uri.joinPath(this.#deps.extensionUri, 'media', 'preview-light.svg'),
      dark: vscode.Uri.joinPath(this.#deps.extensionUri, 'media', 'preview-dark.svg'),
    };
  }

  async #render(reset: boolean): Promise<void> {
    if (!this.#ready || this.#disposed) return;
    const generation = ++this.#generation;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(this.#resource);
    } catch (e) {
      this.#post({
        type: 'renderFailed',
        source: this.#source,
        version: this.#postedVersion,
        message: `cannot read ${this.#resource.scheme === 'file' ? this.#resource.fsPath : this.#resource.toString(true)}: ${errorMessage(e)}`,
      });
      return;
    }
    // The text and version of now: an edit made while the settings files are read waits for its own render (and debounce).
    const version = doc.version;
    const text = doc.getText();
    const current = () => !abort.signal.aborted && generation === this.#generation && !this.#disposed;
    // The document's scope, so that `[markdown]` settings apply as they do to lint; its settings files read first.
    const { math } = (await this.#deps.settings.ready(doc)).core;
    if (!current()) return;
    let result: RenderResult;
    let shownFirst = false;
    // Nothing on screen yet: other work on this document (lint on open) waits until something is.
    const firstShown = this.#postedVersion < 0 ? this.#deps.firstScreens?.begin(this.#source) : undefined;
    // the render holds the work from here on
    this.#loadingHold.release();
    try {
      if (this.failNextRender) {
        this.failNextRender = false;
        throw new Error('injected failure (test hook)');
      }
      // Nothing on screen yet: a long document shows the reader's part of it before the rest is typeset.
      const firstScreen: FirstScreen | undefined =
        this.#postedVersion < 0
          ? {
              fromLine: Math.max(0, this.#line - FIRST_SCREEN_ABOVE),
              toLine: this.#line + FIRST_SCREEN_BELOW,
              onResult: (partial) => {
                if (!current()) return;
                this.#postUpdate(partial, text, version, true, true);
                shownFirst = true;
                firstShown?.();
              },
            }
          : undefined;
      result = await this.#deps.renderer().render(text, {
        math,
        fontCache: 'global',
        // MathJax's MathML beside each SVG, hidden but for screen readers (and Copy MathML).
        assistiveMml: this.#deps.assistiveMml ?? true,
        signal: abort.signal,
        documentKey: this.#source,
        ...(firstScreen ? { firstScreen } : {}),
      });
    } catch (e) {
      if (abort.signal.aborted || generation !== this.#generation) return;
      this.#post({ type: 'renderFailed', source: this.#source, version, message: errorMessage(e) });
      return;
    } finally {
      // the whole document is shown below, or the render failed or gave way: either way, done waiting
      queueMicrotask(() => firstShown?.());
    }
    if (!current()) return;
    if (!reset && version < this.#postedVersion) return;
    // After a first screen, the full result is a change to it (so the reader's scroll position stays).
    this.#postUpdate(result, text, version, (reset && !shownFirst) || this.#postedVersion < 0);
  }

  #postUpdate(result: RenderResult, text: string, version: number, reset: boolean, provisional = false): void {
    const sources = formulaSources(text, result.formulas);
    const sourcesChange = reset ? { reset, start: 0, deleteCount: 0, items: sources } : sourcesDiff(this.#sentSources, sources);
    this.#sentSources = sources;
    const html = new Map<string, BlockHtml>();
    const blocks = result.blocks.map((block): SentBlock => {
      const { key, startLine, endLine, formulaIndices } = block;
      const formulaBase = formulaIndices[0] ?? 0;
      // The block's HTML is read when it is sent (RenderedBlock.html), so none of it is kept here.
      if (!html.has(key))
        html.set(key, {
          key,
          get html() {
            return block.html;
          },
          startLine,
          formulaBase,
        });
      return { key, startLine, endLine, formulaBase };
    });
    this.#previousHtml = this.#html;
    this.#html = html;
    const diff = reset ? blockDiff([], blocks) : blockDiff(this.#sentBlocks, blocks);
    const middleEnd = blocks.length - diff.keepTail;
    const eager = eagerRange(blocks, diff.keepHead, middleEnd, this.#line);
    const seq = this.#seq + 1;
    const message: ToWebview.Update = {
      type: 'update',
      source: this.#source,
      version,
      seq,
      baseSeq: this.#seq,
      reset,
      keepHead: diff.keepHead,
      keepTail: diff.keepTail,
      lineShift: diff.lineShift,
      formulaShift: diff.formulaShift,
      blocks: blocks.slice(diff.keepHead, middleEnd).map((b, k) => {
        const i = diff.keepHead + k;
        const near = i >= eager.start && i < eager.end;
        // A block the page holds is reused (or copied, for the same content elsewhere) only near the
        // reader: far away, copies of typeset blocks would fill the page the placeholders keep light.
        if (diff.replaced.has(b.key) && near) return b;
        return near ? { ...b, html: html.get(b.key)!.html } : { ...b, deferred: true };
      }),
      lineCount: result.lineCount,
      ...(provisional ? { provisional } : {}),
      ...(reset || result.css !== this.#sentCss ? { css: result.css } : {}),
      ...(reset || result.fontDefs !== this.#sentFontDefs ? { fontDefs: result.fontDefs } : {}),
      ...(sourcesChange ? { formulaSources: sourcesChange } : {}),
    };
    this.#sentBlocks = blocks;
    this.#seq = seq;
    this.#sentCss = result.css;
    this.#sentFontDefs = result.fontDefs;
    this.#postedVersion = version;
    this.#post(message);
  }

  /** The HTML of deferred blocks, from the last two updates (a request may cross a newer update). */
  #sendBlocks(keys: readonly string[], anchor: string | undefined): void {
    const found = new Map<string, BlockHtml>();
    for (const key of keys) {
      const b = this.#html.get(key) ?? this.#previousHtml.get(key);
      if (b) found.set(key, b);
    }
    if (anchor !== undefined) {
      let decoded = anchor;
      try {
        decoded = decodeURIComponent(anchor);
      } catch {
        /* as written */
      }
      const ids = [...new Set([decoded, anchor])].map((a) => ` id="${escapeAttribute(a)}"`);
      const b = [...this.#html.values()].find((x) => ids.some((id) => x.html.includes(id)));
      if (b) found.set(b.key, b);
    }
    this.#post({ type: 'blocks', source: this.#source, blocks: [...found.values()], ...(anchor !== undefined ? { anchor } : {}) });
  }

  #onMessage(m: FromWebviewMessage): void {
    if (!m || m.source !== this.#source) return;
    switch (m.type) {
      case 'ready': {
        this.#ready = true;
        this.#sentBlocks = [];
        this.#postedVersion = -1;
        this.#renderNow(true);
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.#source);
        if (editor) this.editorSelectionChanged(editor);
        break;
      }
      case 'needBlocks':
        this.#sendBlocks(m.keys, m.anchor);
        break;
      case 'needReset':
        this.#postedVersion = -1;
        this.#renderNow(true);
        break;
      case 'revealLine':
        this.#line = m.line;
        if (this.#deps.settings.for(this.#resource).preview.scrollEditorWithPreview)
          this.#scrollSync.revealInEditors(this.#resource, m.line);
        break;
      case 'didDoubleClick':
        void this.#showSourceLine(m.line);
        break;
      case 'openLink':
        void this.#openLink(m.href);
        break;
      case 'showSecuritySelector':
        void vscode.commands.executeCommand('mathdown.preview.changeSecuritySettings', this.#resource);
        break;
      case 'snapshot':
        this.#snapshots.get(m.id)?.(m.report);
        this.#snapshots.delete(m.id);
        break;
      case 'testProbeResult':
        this.#probes.get(m.id)?.(m.result);
        this.#probes.delete(m.id);
        break;
      case 'formulaData':
        this.#formulaRequests.get(m.id)?.(m.data);
        this.#formulaRequests.delete(m.id);
        break;
    }
  }

  /** Opens what a link names; a missing file opens nothing and is reported in the page and as a warning. */
  async #openLink(href: string): Promise<void> {
    const missing = await openLink(href, this.#resource, (uri) => this.#deps.settings.for(uri).core.math);
    if (!missing) return;
    const target = vscode.workspace.asRelativePath(missing, false);
    this.#post({ type: 'linkMissing', source: this.#source, target });
    void vscode.window.showWarningMessage(`Mathdown: the link leads to ${target}, which does not exist.`);
  }

  async #showSourceLine(line: number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(this.#resource);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
    const pos = new vscode.Position(Math.min(Math.max(0, line), doc.lineCount - 1), 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  #post(message: ToWebviewMessage): void {
    if (!this.#disposed) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#loadingHold.release();
    this.#abort?.abort();
    this.#renders.dispose();
    this.#onDisposeEmitter.fire();
    this.#onDisposeEmitter.dispose();
    for (const d of this.#disposables) d.dispose();
    this.panel.dispose();
  }
}

/** Lines above and below the editor's line that the first screen of a long document covers. */
const FIRST_SCREEN_ABOVE = 10;
const FIRST_SCREEN_BELOW = 60;
/**
 * Documents with more blocks than this send the HTML of the blocks near the reader only; the
 * webview asks for the rest as it scrolls. Below it, every update carries all the HTML it needs.
 */
const DEFER_ABOVE_BLOCKS = 1500;
/** Blocks sent with their HTML around the reader's line: before it, and from it on. */
const EAGER_BEFORE = 100;
const EAGER_AFTER = 300;

/** The blocks (indices) whose HTML goes into an update whose changed run is [from, to). */
function eagerRange(blocks: readonly SentBlock[], from: number, to: number, line: number): { start: number; end: number } {
  if (blocks.length <= DEFER_ABOVE_BLOCKS || to - from <= EAGER_BEFORE + EAGER_AFTER) return { start: from, end: to };
  const at = partitionPoint(blocks, (b) => b.endLine <= line);
  return { start: Math.max(from, at - EAGER_BEFORE), end: Math.min(to, at + EAGER_AFTER) };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
