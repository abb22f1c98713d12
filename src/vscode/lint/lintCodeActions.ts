import * as vscode from 'vscode';
import type { LintDiagnostic } from '../../core';
import { core } from '../core';
import type { LintController, LintDeps } from './lintController';
import { toWorkspaceEdit, wholeTextEdit } from './toDiagnostic';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mathdown');

/**
 * MM204's other answer: the document was written for kramdown, so `$$…$$` in running text is
 * meant inline. Opens the setting rather than changing it, so the user sees what changes.
 */
function doubleDollarSetting(): vscode.CodeAction {
  const action = new vscode.CodeAction(
    'Read $$…$$ in running text as inline math: set math.doubleDollarInText…',
    vscode.CodeActionKind.QuickFix,
  );
  action.command = {
    title: action.title,
    command: 'workbench.action.openSettings',
    arguments: ['mathdown.math.doubleDollarInText'],
  };
  return action;
}

/**
 * A quick fix for every fixable Mathdown diagnostic under the cursor, plus "Fix all Mathdown
 * problems" (also as `source.fixAll.mathdown`, for editor.codeActionsOnSave). All fixes are the
 * core's text edits, applied by the same function as the CLI's `--fix`.
 */
export class LintCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  readonly #controller: LintController;
  readonly #deps: Pick<LintDeps, 'settings' | 'parses' | 'linter'>;

  constructor(controller: LintController, deps: Pick<LintDeps, 'settings' | 'parses' | 'linter'>) {
    this.#controller = controller;
    this.#deps = deps;
  }

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const wantsQuickFix = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
    const result = this.#controller.resultFor(document);
    if (wantsQuickFix && result) {
      for (const d of result.diagnostics) {
        if (d.rule === 'MM204' && new vscode.Range(document.positionAt(d.offset), document.positionAt(d.endOffset)).intersection(range))
          actions.push(doubleDollarSetting());
        if (!d.fix) continue;
        const shown = shownDiagnostic(document, context, d);
        const where = new vscode.Range(document.positionAt(d.offset), document.positionAt(d.endOffset));
        if (!shown && !where.intersection(range)) continue;
        const action = new vscode.CodeAction(`Fix ${d.rule} (${d.name})`, vscode.CodeActionKind.QuickFix);
        const read = (offset: number, end: number): string =>
          document.getText(new vscode.Range(document.positionAt(offset), document.positionAt(end)));
        action.edit = toWorkspaceEdit(document, [core().fixAsOneEdit(d.fix, read)]);
        if (shown) action.diagnostics = [shown];
        action.isPreferred = true;
        actions.push(action);
      }
      for (const d of result.diagnostics) if (d.choices) actions.push(...this.#choiceActions(document, range, context, d));
    }
    // The edit is computed on resolve: this runs on every cursor move, and fixing a large
    // document means linting it again. The lightbulb offers it when the current diagnostics have
    // a fix; an explicit source.fixAll request (codeActionsOnSave) always gets it.
    const explicit = context.only?.contains(FIX_ALL_KIND) ?? false;
    const wantsFixAll = explicit || !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
    if (wantsFixAll && (explicit || result?.diagnostics.some((d) => d.fix))) {
      actions.push(new FixAllAction(document, explicit ? FIX_ALL_KIND : vscode.CodeActionKind.QuickFix));
    }
    return actions;
  }

  /** One quick fix per choice a diagnostic offers (MM303): text edits, or a setting changed by `mathdown.lint.applySetting`. */
  #choiceActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    d: LintDiagnostic,
  ): vscode.CodeAction[] {
    const shown = shownDiagnostic(document, context, d);
    const where = new vscode.Range(document.positionAt(d.offset), document.positionAt(d.endOffset));
    if (!shown && !where.intersection(range)) return [];
    return (d.choices ?? []).map((choice) => {
      const action = new vscode.CodeAction(`${choice.title} (${d.rule})`, vscode.CodeActionKind.QuickFix);
      if (choice.edits) action.edit = toWorkspaceEdit(document, choice.edits);
      if (choice.setting)
        action.command = {
          command: 'mathdown.lint.applySetting',
          title: choice.title,
          arguments: [choice.setting.section, choice.setting.value, document.uri],
        };
      if (shown) action.diagnostics = [shown];
      return action;
    });
  }

  async resolveCodeAction(action: vscode.CodeAction, token?: vscode.CancellationToken): Promise<vscode.CodeAction> {
    if (action instanceof FixAllAction) action.edit = (await this.fixAllEdit(action.document, token)) ?? new vscode.WorkspaceEdit();
    return action;
  }

  /**
   * One edit applying every fix of the document (repeated while fixes reveal more), or undefined;
   * also undefined when the document changed meanwhile. Made in the lint thread, where lint runs,
   * from the formulas of the document's shared parse.
   */
  async fixAllEdit(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    const settings = this.#deps.settings(document);
    const version = document.version;
    const text = document.getText();
    const { formulas } = this.#deps.parses().parse(text, settings.math, document.uri.toString());
    const abort = new AbortController();
    const cancelled = token?.onCancellationRequested(() => abort.abort());
    try {
      const { text: fixed } = await this.#deps
        .linter()
        .fixAll(text, { math: settings.math, rules: settings.lint.rules, targets: settings.lint.targets, formulas }, abort.signal);
      return fixed === text || document.version !== version ? undefined : toWorkspaceEdit(document, [wholeTextEdit(text, fixed)]);
    } catch (e) {
      if (abort.signal.aborted) return undefined;
      throw e;
    } finally {
      cancelled?.dispose();
    }
  }
}

class FixAllAction extends vscode.CodeAction {
  constructor(
    readonly document: vscode.TextDocument,
    kind: vscode.CodeActionKind,
  ) {
    super('Fix all Mathdown problems', kind);
  }
}

function shownDiagnostic(
  document: vscode.TextDocument,
  context: vscode.CodeActionContext,
  d: LintDiagnostic,
): vscode.Diagnostic | undefined {
  return context.diagnostics.find(
    (x) => x.source === 'mathdown' && codeOf(x) === d.rule && x.range.start.isEqual(document.positionAt(d.offset)),
  );
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
