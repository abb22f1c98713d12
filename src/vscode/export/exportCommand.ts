// "Mathdown: Export to HTML" and "Export to PDF": the active Markdown document (or the previewed one)
// to a standalone page, or that page printed to PDF, through the same Node-side export as
// `mathdown export`, so both write the same bytes.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import type { MathdownRenderer } from '../../core';
import { defaultExportPath, ExportRefused, exportToFileWith } from '../../node/exportFileWriter';
import { defaultPdfPath, exportPdfWith } from '../../node/exportPdf';
import { core } from '../core';
import type { SecurityLevels } from '../previewSecurity/securityLevels';
import type { Settings } from '../settings/settings';
import { windowUi, type ExportUi } from './exportUi';

/** Arguments for scripted use (tests, keybindings): with `output`, no dialog is shown. */
export interface ExportCommandArgs {
  output?: string;
  /** The document to export (default: the active Markdown editor, else the previewed document). */
  uri?: vscode.Uri | string;
  theme?: 'light' | 'dark';
}

/** Documents above this many lines are exported under a progress notification (a PDF always is: a browser starts). */
const LONG_DOCUMENT_LINES = 400;

export type ExportFormat = 'html' | 'pdf';
const NAME: Record<ExportFormat, string> = { html: 'HTML', pdf: 'PDF' };
const FILTERS: Record<ExportFormat, Record<string, string[]>> = { html: { HTML: ['html', 'htm'] }, pdf: { PDF: ['pdf'] } };

function asArgs(arg: unknown): ExportCommandArgs {
  if (arg instanceof vscode.Uri) return { uri: arg };
  return arg && typeof arg === 'object' ? (arg as ExportCommandArgs) : {};
}

async function targetDocument(args: ExportCommandArgs, previewed: () => vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (args.uri) return vscode.workspace.openTextDocument(typeof args.uri === 'string' ? vscode.Uri.file(args.uri) : args.uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown') return active;
  const uri = previewed();
  if (uri) return vscode.workspace.openTextDocument(uri);
  return undefined;
}

async function chooseOutput(
  format: ExportFormat,
  ui: ExportUi,
  document: vscode.TextDocument,
  folder: string,
  interactive: boolean,
): Promise<string | undefined> {
  if (document.uri.scheme === 'file') {
    const output = (format === 'pdf' ? defaultPdfPath : defaultExportPath)(document.uri.fsPath, folder || undefined);
    if (!interactive || !existsSync(output)) return output;
    const replace = 'Replace';
    const answer = await ui.showWarningMessage(
      `${basename(output)} already exists in ${dirname(output)}. Replace it?`,
      { modal: true },
      replace,
    );
    return answer === replace ? output : undefined;
  }
  // An unsaved or virtual document has no folder to write beside: ask where.
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await ui.showSaveDialog({
    defaultUri: base
      ? vscode.Uri.joinPath(base, `${basename(document.uri.path).replace(/\.[^.]*$/, '') || 'Untitled'}.${format}`)
      : undefined,
    filters: FILTERS[format],
    title: `Export to ${NAME[format]}`,
  });
  return picked?.fsPath;
}

async function offerToOpen(ui: ExportUi, output: string): Promise<void> {
  const open = 'Open';
  const reveal = 'Reveal';
  const answer = await ui.showInformationMessage(`Exported ${basename(output)}.`, open, reveal);
  if (answer === open) await ui.openExternal(vscode.Uri.file(output));
  else if (answer === reveal) await ui.revealFileInOS(vscode.Uri.file(output));
}

export interface ExportHtmlCommand {
  /** The handler of mathdown.export.html (or .pdf): resolves to the path written, or undefined when nothing was. */
  run(arg?: unknown): Promise<string | undefined>;
  /** Test hook (mathdown.test.exportUi): the dialogs are `replacement`'s; without it, VS Code's again. */
  setUi(replacement?: ExportUi): void;
}

/**
 * The HTML export command. `renderer` is the extension's shared one; `previewed` tells which document the
 * focused preview shows; `securityLevels` what remote images the page keeps (those the preview loads).
 */
export function exportHtmlCommand(
  renderer: () => MathdownRenderer,
  settingsService: Settings,
  previewed: () => vscode.Uri | undefined,
  securityLevels: SecurityLevels,
): ExportHtmlCommand {
  return exportCommand('html', renderer, settingsService, previewed, securityLevels);
}

/** The PDF export command: as the HTML one, printed by a Chromium-family browser (mathdown.export.browserPath, or found). */
export function exportPdfCommand(
  renderer: () => MathdownRenderer,
  settingsService: Settings,
  previewed: () => vscode.Uri | undefined,
  securityLevels: SecurityLevels,
): ExportHtmlCommand {
  return exportCommand('pdf', renderer, settingsService, previewed, securityLevels);
}

function exportCommand(
  format: ExportFormat,
  renderer: () => MathdownRenderer,
  settingsService: Settings,
  previewed: () => vscode.Uri | undefined,
  securityLevels: SecurityLevels,
): ExportHtmlCommand {
  let ui = windowUi;
  const run = async (arg?: unknown): Promise<string | undefined> => {
    const args = asArgs(arg);
    const interactive = !args.output;
    const document = await targetDocument(args, previewed);
    if (!document) {
      void ui.showErrorMessage(`Mathdown: open a Markdown document (or its preview) to export it to ${NAME[format]}.`);
      return undefined;
    }
    const { core: settings, exportFolder: folder, pdf } = settingsService.for(document.uri);
    const output = args.output
      ? isAbsolute(args.output)
        ? args.output
        : join(dirname(document.uri.fsPath), args.output)
      : await chooseOutput(format, ui, document, folder, interactive);
    if (!output) return undefined;
    const source =
      document.uri.scheme === 'file' ? document.uri.fsPath : join(dirname(output), basename(document.uri.path) || 'Untitled.md');
    const text = document.getText();
    const remoteContent = securityLevels.for(document.uri);
    const run = (signal?: AbortSignal, progress?: vscode.Progress<{ message?: string }>) =>
      format === 'pdf'
        ? exportPdfWith(core().exportHtml)(text, source, output, {
            renderer: renderer(),
            settings,
            remoteContent,
            page: pdf.page,
            browserPath: pdf.browserPath,
            signal,
            onPrint: () => progress?.report({ message: 'printing…' }),
          })
        : exportToFileWith(core().exportHtml)(text, source, output, {
            renderer: renderer(),
            settings,
            theme: args.theme,
            remoteContent,
            signal,
          });
    try {
      await mkdir(dirname(output), { recursive: true });
      const written =
        interactive && (format === 'pdf' || document.lineCount > LONG_DOCUMENT_LINES)
          ? await ui.withProgress(
              {
                location: vscode.ProgressLocation.Notification,
                title: `Exporting ${basename(source)} to ${NAME[format]}`,
                cancellable: true,
              },
              (progress, token) => {
                const abort = new AbortController();
                token.onCancellationRequested(() => abort.abort());
                return run(abort.signal, progress);
              },
            )
          : await run();
      if (interactive) void offerToOpen(ui, written);
      return written;
    } catch (e) {
      if (e instanceof ExportRefused) void ui.showErrorMessage(`Mathdown: not exported: ${e.message}.`);
      else if ((e as Error).name === 'BrowserNotFound') void ui.showErrorMessage(`Mathdown: no PDF written: ${(e as Error).message}.`);
      else if ((e as Error).name === 'AbortError') return undefined;
      else void ui.showErrorMessage(`Mathdown: could not export to ${output}: ${(e as Error).message}`);
      if (!interactive) throw e;
      return undefined;
    }
  };
  return {
    run,
    setUi: (replacement) => {
      ui = replacement ?? windowUi;
    },
  };
}
