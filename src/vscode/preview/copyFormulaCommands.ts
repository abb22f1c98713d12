// The preview's context menu on a formula: Copy TeX, Copy MathML, Copy SVG. The menu passes the
// context the page gave the formula (`mathdownFormula`, its data-formula index, see
// src/webview/formulaCopy.ts); the page answers with what it shows, and the extension writes the
// clipboard (the webview has no clipboard access of its own outside a user gesture).
import * as vscode from 'vscode';
import type { FormulaCopies } from '../../shared/preview';
import type { PreviewManager } from './previewManager';

export interface CopyFormulaCommands {
  copyTex(context?: unknown): Promise<string | undefined>;
  copyMathml(context?: unknown): Promise<string | undefined>;
  copySvg(context?: unknown): Promise<string | undefined>;
}

const LABEL: Record<keyof FormulaCopies, string> = { tex: 'TeX', mathml: 'MathML', svg: 'SVG' };

function formulaIndexOf(context: unknown): number | undefined {
  const index = context && typeof context === 'object' ? (context as { mathdownFormula?: unknown }).mathdownFormula : undefined;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : undefined;
}

export function copyFormulaCommands(manager: PreviewManager): CopyFormulaCommands {
  const copy =
    (kind: keyof FormulaCopies) =>
    async (context?: unknown): Promise<string | undefined> => {
      const index = formulaIndexOf(context);
      const preview = manager.activePreview;
      if (index === undefined || !preview) {
        void vscode.window.showInformationMessage(
          `Mathdown: to copy a formula's ${LABEL[kind]}, right-click it in the preview (or Tab to it and press Shift+F10).`,
        );
        return undefined;
      }
      const copies = await preview.formulaCopies(index);
      const value = copies?.[kind];
      if (!value) {
        void vscode.window.showWarningMessage(
          copies
            ? `Mathdown: this formula has a TeX error, so it has no ${LABEL[kind]}.`
            : 'Mathdown: that formula is no longer in the preview.',
        );
        return undefined;
      }
      await vscode.env.clipboard.writeText(value);
      return value;
    };
  return { copyTex: copy('tex'), copyMathml: copy('mathml'), copySvg: copy('svg') };
}
