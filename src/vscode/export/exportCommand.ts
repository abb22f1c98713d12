// "Mathdown: Export to HTML" and "Export to PDF": the active Markdown document (or the previewed
// one) to a standalone page, or that page printed to PDF. The host writes it (Host.exportToUri):
// a file beside a file in Node through the same Node-side export as `mathdown export`, so both
// write the same bytes; anything else (the browser, virtual and remote file systems) through
// vscode.workspace.fs. A PDF needs a local browser to print it: Node's host only (exportPdfToFile).
import * as vscode from 'vscode';
import type { MathdownRenderer } from '../../core';
import type { SecurityLevels } from '../previewSecurity/securityLevels';
import type { Settings } from '../settings/settings';
import type { ExportPdfToFile, ExportToUri } from '../platform/host';
import { baseName, defaultExportUri, resolvePath, shownUri } from './exportTarget';
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

/** A document named by a string: a URI when it has a scheme, else a file path. */
function asUri(name: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:/i.test(name) && !/^[a-z]:[\\/]/i.test(name) ? vscode.Uri.parse(name) : vscode.Uri.file(name);
}

async function targetDocument(args: ExportCommandArgs, previewed: () => vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (args.uri) return vscode.workspace.openTextDocument(typeof args.uri === 'string' ? asUri(args.uri) : args.uri);
  const active = vscode.window.activeTextEditor?.document;
  // A notebook (or one of its cells) in front: the notebook file as saved, which the core exports
  // as a notebook (its name ends in .ipynb).
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  if (notebook?.uri.scheme === 'file' && (!active || active.uri.scheme === 'vscode-notebook-cell'))
    return vscode.workspace.openTextDocument(notebook.uri);
  if (active?.languageId === 'markdown') return active;
  const uri = previewed();
  if (uri) return vscode.workspace.openTextDocument(uri);
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Where a document is written beside itself: a saved document on a writable file system (not an untitled one). */
function writableBeside(document: vscode.TextDocument): boolean {
  return !document.isUntitled && vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === true;
}

/** `notes.html` → `notes.pdf`. */
function withExtension(uri: vscode.Uri, format: ExportFormat): vscode.Uri {
  return format === 'html' ? uri : uri.with({ path: uri.path.replace(/\.html$/, `.${format}`) });
}

async function chooseOutput(
  format: ExportFormat,
  ui: ExportUi,
  document: vscode.TextDocument,
  folder: string,
  interactive: boolean,
): Promise<vscode.Uri | undefined> {
  if (writableBeside(document)) {
    const output = withExtension(defaultExportUri(document.uri, folder || undefined), format);
    if (!interactive || !(await exists(output))) return output;
    const replace = 'Replace';
    const answer = await ui.showWarningMessage(
      `${baseName(output)} already exists in ${shownUri(vscode.Uri.joinPath(output, '..'))}. Replace it?`,
      { modal: true },
      replace,
    );
    return answer === replace ? output : undefined;
  }
  // An unsaved or read-only document has no folder to write beside: ask where.
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  return ui.showSaveDialog({
    defaultUri: base ? vscode.Uri.joinPath(base, `${baseName(document.uri).replace(/\.[^.]*$/, '') || 'Untitled'}.${format}`) : undefined,
    filters: FILTERS[format],
    title: `Export to ${NAME[format]}`,
  });
}

async function offerToOpen(ui: ExportUi, output: vscode.Uri): Promise<void> {
  const open = 'Open';
  const reveal = 'Reveal';
  // A file outside the browser opens in the system's browser and shows in its folder; anything else opens in an editor.
  if (output.scheme !== 'file') {
    const answer = await ui.showInformationMessage(`Exported ${baseName(output)}.`, open);
    if (answer === open) await vscode.commands.executeCommand('vscode.open', output);
    return;
  }
  const answer = await ui.showInformationMessage(`Exported ${baseName(output)}.`, open, reveal);
  if (answer === open) await ui.openExternal(output);
  else if (answer === reveal) await ui.revealFileInOS(output);
}

export interface ExportHtmlCommand {
  /** The handler of mathdown.export.html (or .pdf): resolves to what was written (a file's path, else its URI), or undefined when nothing was. */
  run(arg?: unknown): Promise<string | undefined>;
  /** Test hook (mathdown.test.exportUi): the dialogs are `replacement`'s; without it, VS Code's again. */
  setUi(replacement?: ExportUi): void;
}

/** How the host writes each format. */
interface Writers {
  html: ExportToUri;
  pdf: ExportPdfToFile | undefined;
}

/**
 * The export command. `renderer` is the extension's shared one; `previewed` tells which document the
 * focused preview shows; `securityLevels` what remote images the page keeps (those the preview loads).
 */
export function exportHtmlCommand(
  renderer: () => MathdownRenderer,
  exportToUri: ExportToUri,
  settingsService: Settings,
  previewed: () => vscode.Uri | undefined,
  securityLevels: SecurityLevels,
): ExportHtmlCommand {
  return exportCommand('html', renderer, { html: exportToUri, pdf: undefined }, settingsService, previewed, securityLevels);
}

/** The PDF export command: as the HTML one, printed by a Chromium-family browser (mathdown.export.browserPath, or found). */
export function exportPdfCommand(
  renderer: () => MathdownRenderer,
  exportToUri: ExportToUri,
  exportPdfToFile: ExportPdfToFile | undefined,
  settingsService: Settings,
  previewed: () => vscode.Uri | undefined,
  securityLevels: SecurityLevels,
): ExportHtmlCommand {
  return exportCommand('pdf', renderer, { html: exportToUri, pdf: exportPdfToFile }, settingsService, previewed, securityLevels);
}

function exportCommand(
  format: ExportFormat,
  renderer: () => MathdownRenderer,
  writers: Writers,
  settingsService: Settings,
  previewed: () => vscode.Uri | undefined,
  securityLevels: SecurityLevels,
): ExportHtmlCommand {
  let ui = windowUi;
  const run = async (arg?: unknown): Promise<string | undefined> => {
    const args = asArgs(arg);
    const interactive = !args.output;
    if (format === 'pdf' && !writers.pdf) {
      void ui.showErrorMessage(
        'Mathdown: Export to PDF needs a browser on this machine to print the page, which VS Code in a web browser cannot start: export to HTML and print it from your browser, or use VS Code desktop.',
      );
      return undefined;
    }
    const document = await targetDocument(args, previewed);
    if (!document) {
      void ui.showErrorMessage(`Mathdown: open a Markdown document (or its preview) to export it to ${NAME[format]}.`);
      return undefined;
    }
    const { core: settings, exportFolder: folder, pdf } = await settingsService.ready(document);
    const documentDir = document.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
    const output = args.output
      ? documentDir
        ? resolvePath(documentDir, args.output)
        : asUri(args.output)
      : await chooseOutput(format, ui, document, folder, interactive);
    if (!output) return undefined;
    // An untitled document's images are read relative to where its page goes.
    const source = document.isUntitled ? vscode.Uri.joinPath(output, '..', baseName(document.uri) || 'Untitled.md') : document.uri;
    const text = document.getText();
    const remoteContent = securityLevels.for(document.uri);
    const run = (signal?: AbortSignal, progress?: vscode.Progress<{ message?: string }>): Promise<vscode.Uri> => {
      if (format === 'pdf') {
        if (source.scheme !== 'file' || output.scheme !== 'file') {
          throw new Error('a PDF is printed from a file on this machine to a file on this machine');
        }
        return writers.pdf!(text, source, output, {
          renderer: renderer(),
          settings,
          remoteContent,
          page: pdf.page,
          browserPath: pdf.browserPath,
          ...(signal ? { signal } : {}),
          onPrint: () => progress?.report({ message: 'printing…' }),
        });
      }
      return writers.html(text, source, output, { renderer: renderer(), settings, theme: args.theme, remoteContent, signal });
    };
    try {
      const written =
        interactive && (format === 'pdf' || document.lineCount > LONG_DOCUMENT_LINES)
          ? await ui.withProgress(
              {
                location: vscode.ProgressLocation.Notification,
                title: `Exporting ${baseName(source)} to ${NAME[format]}`,
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
      return written.scheme === 'file' ? written.fsPath : written.toString();
    } catch (e) {
      // By name: the Node host's writer and dist/core.js each bundle their own copy of the class.
      if ((e as Error).name === 'ExportRefused') void ui.showErrorMessage(`Mathdown: not exported: ${(e as Error).message}.`);
      else if ((e as Error).name === 'BrowserNotFound' || (e as Error).name === 'PrintFailed')
        void ui.showErrorMessage(`Mathdown: no PDF written: ${(e as Error).message}.`);
      else if ((e as Error).name === 'AbortError') return undefined;
      else void ui.showErrorMessage(`Mathdown: could not export to ${shownUri(output)}: ${(e as Error).message}`);
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
