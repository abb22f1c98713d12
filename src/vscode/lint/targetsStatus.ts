// A status bar item beside a Markdown editor naming the destinations its math is checked for
// (`mathdown.lint.targets`), so that a diagnostic about github.com or KaTeX is never a surprise;
// a click opens the setting.
import * as vscode from 'vscode';
import { core } from '../core';
import type { Settings } from '../settings/settings';

export const TARGETS_SETTING = 'mathdown.lint.targets';
/** What a notebook's Markdown cells are checked for instead. */
export const NOTEBOOK_TARGETS_SETTING = 'mathdown.lint.notebookTargets';

/** The item as the user sees it, for the integration tests. */
export interface TargetsStatusState {
  visible: boolean;
  text: string;
  tooltip: string;
}

export interface TargetsStatus extends vscode.Disposable {
  readonly state: TargetsStatusState;
}

export function targetsStatus(settings: Settings): TargetsStatus {
  let visible = false;
  const item = vscode.window.createStatusBarItem('mathdown.lintTargets', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Mathdown: math checked for';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
    const s = document?.languageId === 'markdown' ? settings.for(document).core : undefined;
    if (!s || s.lint.run === 'off') {
      item.hide();
      visible = false;
      return;
    }
    const setting = document?.uri.scheme === 'vscode-notebook-cell' ? NOTEBOOK_TARGETS_SETTING : TARGETS_SETTING;
    item.command = { title: 'Change where math is checked for', command: 'workbench.action.openSettings', arguments: [setting] };
    const { DESTINATIONS } = core();
    const labels = s.lint.targets.map((t) => DESTINATIONS[t].label);
    item.text = `$(check-all) Math: ${labels.join(', ') || 'Mathdown only'}`;
    item.tooltip = new vscode.MarkdownString(
      `Mathdown checks this document's math for where it is published: **${labels.join(', ') || 'Mathdown only'}**.\n\n` +
        `Click to change \`${setting}\` (github, markdown-then-mathjax, pandoc, kramdown, jupyterlab, katex, github-mathjax), or set \`${setting.slice('mathdown.'.length)}\` in \`.mathdown.json\`.`,
    );
    item.show();
    visible = true;
  };
  update();
  const disposable = vscode.Disposable.from(item, vscode.window.onDidChangeActiveTextEditor(update), settings.onDidChange(update));
  return {
    get state() {
      const tooltip = item.tooltip;
      return { visible, text: item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '') };
    },
    dispose: () => disposable.dispose(),
  };
}
