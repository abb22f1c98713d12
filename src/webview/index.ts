// Entry point of the preview webview: receives rendered blocks from the extension and patches
// them into the page; reports scrolling, double-clicks and link clicks back.
import { activeLine, markActiveLine } from './activeLineMarker';
import { BlockPatcher } from './blockPatcher';
import { DeferredBlocks } from './deferredBlocks';
import { formulaCopies, FormulaSources, handleCopy, markFormulaContext } from './formulaCopy';
import { LinkNotice } from './linkNotice';
import { handleLinkClicks, scrollToAnchor } from './links';
import type {
  FromWebviewMessage,
  ToWebview,
  InitialSettings,
  PreviewState,
  PreviewStyle,
  SnapshotReport,
  TestToWebview,
  ToWebviewMessage,
} from '../shared/preview';
import { ScrollSync } from './scrollSync';
import { SecurityNotice } from './securityNotice';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const settings = JSON.parse(document.getElementById('mathdown-settings')!.dataset['settings']!) as InitialSettings;
const source = settings.state.source;
const saved = vscode.getState() as PreviewState | undefined;
let state: PreviewState = saved?.source === source ? { ...settings.state, line: saved.line } : settings.state;
let scrollPreviewWithEditor = settings.scrollPreviewWithEditor;
let scrollEditorWithPreview = settings.scrollEditorWithPreview;
let version = -1;
/** The update this page holds (updates are changes to the one before). */
let seq = -1;
let awaitingReset = false;
let restoreLine: number | undefined = state.line > 0 ? state.line : undefined;
/** Whether the page shows a first screen only, and the last line the editor scrolled it to meanwhile. */
let provisional = false;
let scrolledTo: number | undefined;
let selectionLine: number | null = null;

const root = document.getElementById('mathdown-content')!;
const banner = document.getElementById('mathdown-banner')!;
const linkNotice = new LinkNotice(document.getElementById('mathdown-link-notice')!);
const securityNotice = new SecurityNotice(document.getElementById('mathdown-security-notice')!, () =>
  post({ type: 'showSecuritySelector', source }),
);
const mathStyle = document.getElementById('mathdown-mathjax-css')!;
const fontDefs = document.getElementById('mathdown-font-defs')!;
const deferred = new DeferredBlocks(
  root,
  (keys) => post({ type: 'needBlocks', source, keys }),
  () => scroll.settle(),
);
const patcher = new BlockPatcher(root, deferred);
const sources = new FormulaSources();
const scroll = new ScrollSync(root, (line) => {
  saveState({ line });
  if (scrollEditorWithPreview) post({ type: 'revealLine', source, line });
});

function post(message: FromWebviewMessage): void {
  vscode.postMessage(message);
}

function saveState(change: Partial<PreviewState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

function applyStyle(style: PreviewStyle): void {
  document.body.style.setProperty('--mathdown-font-size', `${style.fontSize}px`);
  document.body.style.setProperty('--mathdown-line-height', String(style.lineHeight));
}

function needReset(): void {
  if (!awaitingReset) post({ type: 'needReset', source });
  awaitingReset = true;
}

function onUpdate(m: ToWebview.Update): void {
  // A change to a state this page does not hold (a message was lost or the page reloaded).
  if (!m.reset && (awaitingReset || m.baseSeq !== seq)) return needReset();
  if (!patcher.apply(m)) return needReset();
  if (m.formulaSources) sources.apply(m.formulaSources);
  awaitingReset = false;
  seq = m.seq;
  version = m.version;
  const wasProvisional = provisional;
  provisional = m.provisional === true;
  document.body.classList.toggle('mathdown-provisional', provisional);
  if (m.css !== undefined && mathStyle.textContent !== m.css) mathStyle.textContent = m.css;
  if (m.fontDefs !== undefined && fontDefs.innerHTML !== m.fontDefs) fontDefs.innerHTML = m.fontDefs;
  banner.hidden = true;
  markActiveLine(root, selectionLine);
  if (restoreLine !== undefined) {
    scroll.scrollToLine(restoreLine);
    restoreLine = undefined;
  } else if (wasProvisional && !provisional && scrolledTo !== undefined) {
    // The first screen may have been too short to scroll where the editor asked.
    scroll.scrollToLine(scrolledTo);
  }
  if (!provisional) scrolledTo = undefined;
}

/** The page's JavaScript heap (Chromium only), for the size tests. */
function heapMb(): number | null {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round(memory.usedJSHeapSize / 1048576) : null;
}

/** Test hook: what the reader's context menu or copy would give (see TestToWebview.TestProbe). */
function testProbe(m: TestToWebview.TestProbe): unknown {
  const from = root.querySelector(m.selector);
  if (!from) return null;
  if (m.probe === 'contextMenu') {
    // From the keyboard: the element is focused (Tab) and the context menu key opens the menu on it.
    const focusable = from instanceof HTMLElement && from.tabIndex === 0;
    if (focusable) from.focus();
    from.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    // What VS Code's listener on the window then reads: the data-vscode-context of the element and its ancestors.
    let context: Record<string, unknown> = {};
    for (let el = from.closest('[data-vscode-context]'); el; el = el.parentElement?.closest('[data-vscode-context]') ?? null)
      context = { ...(JSON.parse((el as HTMLElement).dataset['vscodeContext']!) as Record<string, unknown>), ...context };
    return { context, focusable, focused: document.activeElement === from };
  }
  const to = m.to ? root.querySelector(m.to) : from;
  if (!to) return null;
  const range = document.createRange();
  range.setStartBefore(from);
  range.setEndAfter(to);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  const data = new DataTransfer();
  document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
  return { text: data.getData('text/plain'), html: data.getData('text/html') };
}

function snapshot(): SnapshotReport {
  const saved = vscode.getState() as PreviewState | undefined;
  return {
    version,
    svgCount: root.querySelectorAll('mjx-container > svg').length,
    visibleFormulas: Array.from(root.querySelectorAll('mjx-container > svg')).filter((svg) => {
      const r = svg.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    }).length,
    errorCount: root.querySelectorAll('.mathdown-error').length,
    blockCount: root.children.length,
    pendingBlocks: deferred.pendingCount(),
    pendingFormulas: root.querySelectorAll('.mathdown-typesetting').length,
    provisional,
    heapMb: heapMb(),
    blocksCreated: patcher.created,
    firstVisibleLine: Math.floor(scroll.topLine()),
    activeLine: activeLine(root),
    bannerShown: !banner.hidden,
    linkNotice: linkNotice.text,
    securityNoticeShown: securityNotice.shown,
    blockedContent: securityNotice.blocked,
    openDetails: root.querySelectorAll('details[open]').length,
    images: Array.from(root.querySelectorAll('img'), (img) => ({ src: img.src, naturalWidth: img.complete ? img.naturalWidth : 0 })),
    scrollTop: window.scrollY,
    state: saved,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
  };
}

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage>) => {
  const m = event.data;
  if (!m || m.source !== source) return;
  switch (m.type) {
    case 'update':
      onUpdate(m);
      break;
    case 'blocks':
      patcher.fill(m.blocks);
      if (m.anchor !== undefined) scrollToAnchor(m.anchor);
      break;
    case 'renderFailed':
      banner.textContent = `Mathdown could not render this version: ${m.message}. Showing the last good preview.`;
      banner.hidden = false;
      break;
    case 'scrollToLine':
      if (scrollPreviewWithEditor) {
        if (provisional) scrolledTo = m.line;
        scroll.scrollToLine(m.line);
        saveState({ line: m.line });
      }
      break;
    case 'editorSelection':
      selectionLine = m.line;
      markActiveLine(root, m.line);
      break;
    case 'style':
      applyStyle(m.style);
      scrollPreviewWithEditor = m.scrollPreviewWithEditor;
      scrollEditorWithPreview = m.scrollEditorWithPreview;
      break;
    case 'locked':
      saveState({ locked: m.locked });
      break;
    case 'formulaRequest': {
      const el = root.querySelector(`[data-formula="${m.formula}"]`);
      post({ type: 'formulaData', source, id: m.id, data: el ? formulaCopies(el, sources, fontDefs) : null });
      break;
    }
    case 'linkMissing':
      linkNotice.show(m.target);
      break;
    case 'snapshotRequest':
      post({ type: 'snapshot', source, id: m.id, report: snapshot() });
      break;
    case 'testUserScroll':
      scroll.scrollToLine(m.line, true);
      break;
    case 'testProbe':
      post({ type: 'testProbeResult', source, id: m.id, result: testProbe(m) });
      break;
    case 'testDispatch':
      // The page's own controls (the security notice) sit outside the content.
      (root.querySelector(m.selector) ?? document.querySelector(m.selector))?.dispatchEvent(
        new MouseEvent(m.event, { bubbles: true, cancelable: true }),
      );
      break;
  }
});

document.addEventListener('dblclick', (e) => {
  post({ type: 'didDoubleClick', source, line: scroll.lineAt(e.target, e.pageY) });
});
// Before VS Code's own listener (on the window) reads the context of the element under the pointer.
document.addEventListener('contextmenu', markFormulaContext);
handleCopy(root, sources, fontDefs);
handleLinkClicks(
  (href) => post({ type: 'openLink', source, href }),
  // The target sits in a block not filled in yet: the extension knows which one.
  (anchor) => post({ type: 'needBlocks', source, keys: [], anchor }),
);

applyStyle(settings.style);
saveState({});
post({ type: 'ready', source });
