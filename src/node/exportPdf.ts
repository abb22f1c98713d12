// The export to PDF: the standalone HTML page of exportHtml (light theme, images embedded, so that
// the page stands alone wherever the browser loads it from), printed by a Chromium-family browser.
// Shared by the CLI and the VS Code command, as exportToFileWith is for HTML.
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { exportHtml as ExportHtml } from '../core/export';
import { unescapeHtml } from '../shared/escapeHtml';
import { ExportRefused, isSameFile, type ExportToFileOptions } from './exportFileWriter';
import { localImageLoader } from './loadLocalImage';
import { findBrowser } from './pdf/findBrowser';
import { loadPdf } from './pdf/loadPdf';
import type { PageSetup } from './pdf/pageSetup';

export interface ExportPdfOptions extends Omit<ExportToFileOptions, 'theme' | 'images'> {
  page: PageSetup;
  /** The browser's program file; empty or undefined: the first one found (findBrowser). */
  browserPath?: string;
  /** Called when the page is typeset and the browser starts printing it. */
  onPrint?: () => void;
}

/** `notes.md` → `notes.pdf`, in `folder` when given (relative folders are taken from the source's). */
export function defaultPdfPath(sourcePath: string, folder?: string): string {
  const ext = extname(sourcePath);
  const name = `${ext ? basename(sourcePath, ext) : basename(sourcePath)}.pdf`;
  return join(folder ? resolve(dirname(sourcePath), folder) : dirname(sourcePath), name);
}

export function exportPdfWith(exportHtml: typeof ExportHtml) {
  return async (text: string, sourcePath: string, outputPath: string, options: ExportPdfOptions): Promise<string> => {
    const source = resolve(sourcePath);
    const output = resolve(outputPath);
    if (await isSameFile(source, output)) {
      throw new ExportRefused(`the output ${output} is the source document itself; choose another output file`);
    }
    // Before the render: no browser, no point in typesetting.
    const browser = findBrowser(options.browserPath);
    const { page, browserPath: _, onPrint, ...rest } = options;
    const html = await exportHtml(text, {
      ...rest,
      theme: 'light',
      images: 'embed',
      loadImage: localImageLoader(dirname(source)),
      sourceName: basename(source),
    });
    onPrint?.();
    const title = unescapeHtml(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? basename(source));
    return loadPdf().printPdf(html, output, { ...page, browser, title, ...(options.signal ? { signal: options.signal } : {}) });
  };
}
