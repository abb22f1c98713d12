// Prints an exported page to PDF with a Chromium-family browser, headless, through puppeteer-core
// (the DevTools protocol's Page.printToPDF): the same script-free page the HTML export writes, so
// the math stays vector paths and the text stays text. A browser that does not start, or a page
// that does not load, fails within a deadline instead of hanging; the signal closes the browser.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, type Browser } from 'puppeteer-core';
import { escapeHtml } from '../../shared/escapeHtml';
import { writeFileAtomic } from '../writeFileAtomic';
import { BrowserNotFound } from './findBrowser';
import type { PageSetup } from './pageSetup';

/** How long a browser may take to start before it counts as not working. */
const LAUNCH_TIMEOUT_MS = 60_000;
/** How long one print may take at most: a browser that stops answering ends the export then. */
const PRINT_TIMEOUT_MS = 60 * 60_000;

export interface PrintOptions extends PageSetup {
  /** The browser's program file (see findBrowser). */
  browser: string;
  /** The running header's text. */
  title: string;
  signal?: AbortSignal;
}

const SMALL = 'font:8pt system-ui,sans-serif;color:#59636e;width:100%;margin:0 12mm;';

function headerTemplate(title: string): string {
  return `<div style="${SMALL}text-align:left;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${escapeHtml(title)}</div>`;
}

const FOOTER = `<div style="${SMALL}text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

function aborted(): Error {
  const e = new Error('The export was cancelled.');
  e.name = 'AbortError';
  return e;
}

/** Prints the standalone page `html` to the PDF file `output` (written atomically). */
export async function printPdf(html: string, output: string, options: PrintOptions): Promise<string> {
  const { signal } = options;
  if (signal?.aborted) throw aborted();
  // The page is loaded from a file (not pushed through the protocol), so a long document loads as fast as from disk.
  const folder = await mkdtemp(join(tmpdir(), 'mathdown-pdf-'));
  let browser: Browser | undefined;
  const onAbort = () => void browser?.close().catch(() => {});
  signal?.addEventListener('abort', onAbort);
  try {
    const page = join(folder, 'page.html');
    await writeFile(page, html);
    try {
      browser = await launch({
        executablePath: options.browser,
        headless: true,
        timeout: LAUNCH_TIMEOUT_MS,
        // Printing a long document is one protocol call that takes minutes on a slow machine; the
        // signal (Cancel) is what ends it early.
        protocolTimeout: PRINT_TIMEOUT_MS,
        // No sandbox where it cannot start (root, containers); no first-run UI, no network for the page.
        args: ['--no-first-run', '--no-default-browser-check', '--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      });
    } catch (e) {
      if (signal?.aborted) throw aborted();
      throw new BrowserNotFound(
        `${options.browser} did not start as a Chromium-family browser (${(e as Error).message.split('\n')[0]}); set mathdown.export.browserPath (--browser in the CLI) to Chrome, Chromium or Edge`,
      );
    }
    if (signal?.aborted) throw aborted();
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load', timeout: 0 });
    const pdf = await tab.pdf({
      format: options.pageSize,
      margin: options.margins,
      printBackground: true,
      displayHeaderFooter: options.headerFooter,
      headerTemplate: options.headerFooter ? headerTemplate(options.title) : '<span></span>',
      footerTemplate: options.headerFooter ? FOOTER : '<span></span>',
      timeout: 0,
    });
    if (signal?.aborted) throw aborted();
    await writeFileAtomic(output, pdf);
    return output;
  } catch (e) {
    if (signal?.aborted) throw aborted();
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await browser?.close().catch(() => {});
    await rm(folder, { recursive: true, force: true });
  }
}
