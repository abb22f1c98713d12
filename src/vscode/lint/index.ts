// Math diagnostics in VS Code: the core's lint on open/save/typing, quick fixes and fix all.
import * as vscode from 'vscode';
import type { LintWorkerClient, MathdownRenderer, ParseCache } from '../../core';
import { LintCodeActions } from './lintCodeActions';
import { LintController } from './lintController';
import { detectProjects, type ProjectDetection } from './projectDetection';
import { targetsStatus, type TargetsStatus } from './targetsStatus';
import type { Settings } from '../settings/settings';
import type { FirstScreens } from '../schedule/firstScreens';

export interface RegisterLintDeps {
  renderer: () => MathdownRenderer;
  /** The documents' parses, shared with the preview and completion/hover: lint reads the formulas from there. */
  parses: () => ParseCache;
  /** A new client of the lint worker (Host.createLinter): lint and fix-all run in that thread, started on first use, never in the extension host's. */
  linter: () => LintWorkerClient;
  settings: Settings;
  /** Previews putting up a first screen, which lint of the same document waits for. */
  firstScreens?: FirstScreens;
}

export interface Lint {
  controller: LintController;
  /** The handler of mathdown.lint.fixAll (in the command table): every fix at once, in the active Markdown editor. */
  fixAll(): Promise<boolean>;
  /** The status bar item naming the destinations checked. */
  targetsStatus: TargetsStatus;
  /** The one-time offer of a site generator's destinations. */
  projects: ProjectDetection;
}

export function registerLint(context: vscode.ExtensionContext, deps: RegisterLintDeps): Lint {
  const settings = (scope?: vscode.ConfigurationScope) => deps.settings.for(scope).core;
  let worker: LintWorkerClient | undefined;
  const linter = (): LintWorkerClient => (worker ??= deps.linter());
  const settingsReady = async (scope: vscode.ConfigurationScope) => (await deps.settings.ready(scope)).core;
  const lintDeps = {
    renderer: deps.renderer,
    parses: deps.parses,
    linter,
    settings,
    settingsReady,
    ...(deps.firstScreens ? { firstScreens: deps.firstScreens } : {}),
  };
  const controller = new LintController(lintDeps, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
  const actions = new LintCodeActions(controller, lintDeps);
  const status = targetsStatus(deps.settings);
  context.subscriptions.push(
    controller,
    status,
    { dispose: () => void worker?.dispose() },
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, actions, LintCodeActions.metadata),
    deps.settings.onDidChange((change) => {
      if (change.affectsLint) controller.relintAll();
    }),
  );
  const projects = detectProjects(context);
  return {
    controller,
    targetsStatus: status,
    projects,
    fixAll: async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') return false;
      const edit = await actions.fixAllEdit(editor.document);
      return edit ? vscode.workspace.applyEdit(edit) : false;
    },
  };
}
