import * as vscode from 'vscode';
import type { MathdownRenderer, MathOptions, ParseCache } from '../../core';
import type { CellContext } from '../notebook/cellContext';
import type { SettingsChange } from '../settings/settingsChange';
import type { RenderMathInEditor } from '../settings/snapshot';
import { EditorMath } from './editorMath';
import { FormulaImages } from './formulaImages';
import { MathCompletionProvider } from './mathCompletionProvider';
import { MathDocuments } from './mathDocuments';
import { MathFoldingProvider } from './mathFoldingProvider';
import { MathHoverProvider } from './mathHoverProvider';

export interface AuthoringDeps {
  /** Created on first use: completion and hover render only when an item or hover is shown. */
  renderer: () => MathdownRenderer;
  /** The documents' parses, shared with the preview and lint. */
  parses: () => ParseCache;
  mathOptions: (document?: vscode.TextDocument) => MathOptions;
  /** A notebook cell's context (the earlier cells' macros are in `mathOptions` already; its labels are for references). */
  cellContext?: (document: vscode.TextDocument) => CellContext | undefined;
  /** `mathdown.editor.renderMath` for a document. */
  renderMath: (document: vscode.TextDocument) => RenderMathInEditor;
  onSettingsChange: vscode.Event<SettingsChange>;
}

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** Registers TeX completion, formula hovers and the math rendered in the editor for Markdown documents. */
export function registerAuthoring(context: vscode.ExtensionContext, deps: AuthoringDeps): EditorMath {
  const documents = new MathDocuments(deps.parses, deps.cellContext);
  const images = new FormulaImages(deps.renderer);
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new MathCompletionProvider(documents, images, deps.mathOptions), '\\', '{'),
    vscode.languages.registerHoverProvider(MARKDOWN, new MathHoverProvider(documents, images, deps.mathOptions)),
    vscode.languages.registerFoldingRangeProvider(MARKDOWN, new MathFoldingProvider(documents, deps.mathOptions)),
  );
  const editorMath = new EditorMath(documents, images, deps.mathOptions, deps.renderMath, deps.onSettingsChange);
  context.subscriptions.push(editorMath);
  return editorMath;
}
