// A minimal stand-in for the `vscode` module, enough to load dist/extension.js and call activate()
// outside VS Code. Uri, EventEmitter, Disposable and the enums behave; any other member is a stub
// that can be called, constructed, read, written, iterated (empty) and disposed.
'use strict';
const path = require('node:path');

function stub() {
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'then') return undefined;
      if (key === 'dispose') return () => {};
      if (key === 'length') return 0;
      return stub();
    },
    // Fields set on a stub (a status item's name, text…) are taken and forgotten.
    set: () => true,
    apply: () => stub(),
    construct: () => stub(),
  });
}

function codeActionKind(value) {
  return { value, append: (part) => codeActionKind(`${value}.${part}`), contains: () => false, intersects: () => false };
}

class Uri {
  constructor(scheme, fsPath) { this.scheme = scheme; this.fsPath = fsPath; this.path = fsPath; }
  static file(p) { return new Uri('file', path.resolve(p)); }
  static parse(s) { return s.startsWith('file://') ? Uri.file(decodeURIComponent(s.slice(7))) : new Uri('untitled', s); }
  static joinPath(base, ...parts) { return new Uri(base.scheme, path.join(base.fsPath, ...parts)); }
  with() { return this; }
  toString() { return `${this.scheme}://${this.fsPath}`; }
  toJSON() { return this.toString(); }
}

// The vscode module's Disposable, which this stand-in provides (not the DOM's global of that name).
// eslint-disable-next-line no-redeclare
class Disposable {
  constructor(fn) { this.fn = fn; }
  static from(...ds) { return new Disposable(() => ds.forEach((d) => d?.dispose?.())); }
  dispose() { this.fn?.(); }
}

class EventEmitter {
  listeners = [];
  event = (fn) => { this.listeners.push(fn); return new Disposable(() => { this.listeners = this.listeners.filter((l) => l !== fn); }); };
  fire(e) { for (const l of this.listeners) l(e); }
  dispose() { this.listeners = []; }
}

const enums = {
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 },
  ColorThemeKind: { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
  CompletionItemKind: new Proxy({}, { get: (_, k) => (typeof k === 'string' ? k.length : 0) }),
  CodeActionKind: new Proxy({}, { get: (_, k) => codeActionKind(String(k)) }),
};

const config = { get: (_key, def) => def, has: () => false, inspect: () => undefined, update: async () => {} };
const namespace = (members) => new Proxy(members, { get: (t, k) => (k in t ? t[k] : stub()) });
const real = {
  Uri, Disposable, EventEmitter, ...enums,
  version: '1.100.0',
  env: namespace({ language: 'en', appName: 'fake', uriScheme: 'vscode', openExternal: async () => true }),
  workspace: namespace({ getConfiguration: () => config, textDocuments: [], workspaceFolders: undefined }),
  window: namespace({ activeTextEditor: undefined, visibleTextEditors: [], activeColorTheme: { kind: 1 } }),
};
// Bundlers copy the module's own keys (esbuild's __toESM), so every name the extension may use
// must exist up front; anything not listed still resolves to a stub through the proxy below.
const NAMESPACES = ['commands', 'languages', 'extensions', 'debug', 'tasks', 'scm', 'l10n', 'authentication', 'notebooks', 'tests', 'comments', 'chat', 'lm'];
const CLASSES = ['Range', 'Position', 'Selection', 'Location', 'MarkdownString', 'Hover', 'CompletionItem', 'CompletionList',
  'SnippetString', 'Diagnostic', 'DiagnosticRelatedInformation', 'CodeAction', 'WorkspaceEdit', 'TextEdit', 'ThemeColor',
  'ThemeIcon', 'RelativePattern', 'CancellationTokenSource', 'DocumentLink', 'FoldingRange', 'SemanticTokensLegend',
  'SemanticTokensBuilder', 'TreeItem', 'TabInputText', 'TabInputWebview', 'CodeLens', 'DocumentSymbol', 'SymbolInformation',
  'EndOfLine', 'DiagnosticTag', 'CompletionTriggerKind', 'FoldingRangeKind', 'SymbolKind', 'TextDocumentSaveReason', 'UIKind',
  'ExtensionMode', 'FileType', 'OverviewRulerLane', 'DecorationRangeBehavior', 'TreeItemCollapsibleState', 'InlayHint'];
for (const name of NAMESPACES) real[name] = namespace({});
for (const name of CLASSES) if (!(name in real)) real[name] = stub();

module.exports = new Proxy(real, { get: (t, k) => (k in t ? t[k] : stub()) });
