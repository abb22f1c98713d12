// Prints an exported page to PDF with a Chromium-family browser, headless, through puppeteer-core
// (the DevTools protocol's Page.printToPDF): the same script-free page the HTML export writes, so
// the math stays vector paths and the text stays text. A browser that does not start fails within a
// deadline; one that stops working on the page (see stallWatch.ts) or fails is closed and said so,
// instead of leaving the export waiting; the signal (Cancel) closes the browser.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, type Browser } from 'puppeteer-core';
import { escapeHtml } from '../../shared/escapeHtml';
import { writeFileAtomic } from '../writeFileAtomic';
import { BrowserNotFound } from './findBrowser';
import type { PageSetup } from './pageSetup';
import { STALL_WINDOW_MS, watchForStall, type ProcessSample, type StallWatch } from './stallWatch';

/** How long a browser may take to start before it counts as not working. */
const LAUNCH_TIMEOUT_MS = 60_000;
/** How long loading and printing may take at most, however busy the browser stays. */
const PRINT_TIMEOUT_MS = 60 * 60_000;

const TRY_AGAIN = 'try again, or export to HTML and print that page from a browser';

/** The browser started but did not print: it failed, or stopped working on the page. */
export class PrintFailed extends Error {
  override name = 'PrintFailed';
}

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
    const pdf = await printIn(browser, pathToFileURL(page).href, options);
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

/** Loads `url` in a new tab of `browser` and prints it; a browser that stalls or fails is closed and said so. */
async function printIn(browser: Browser, url: string, options: PrintOptions): Promise<Buffer> {
  let stalled = false;
  let watch: StallWatch | undefined;
  try {
    const system = await browser.target().createCDPSession();
    watch = watchForStall(
      async () => ((await system.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessSample[] }).processInfo,
      () => {
        stalled = true;
        void browser.close().catch(() => {});
      },
    );
    const tab = await browser.newPage();
    await tab.goto(url, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    const stream = await tab.createPDFStream({
      format: options.pageSize,
      margin: options.margins,
      printBackground: true,
      displayHeaderFooter: options.headerFooter,
      headerTemplate: options.headerFooter ? headerTemplate(options.title) : '<span></span>',
      footerTemplate: options.headerFooter ? FOOTER : '<span></span>',
      timeout: PRINT_TIMEOUT_MS,
    });
    // Printed: what is left is reading the file from the browser, paced by this process.
    watch.stop();
    return await readAll(stream);
  } catch (e) {
    if (options.signal?.aborted) throw aborted();
    if (stalled) {
      throw new PrintFailed(
        `the browser stopped working on the PDF (no progress for ${STALL_WINDOW_MS / 60_000} minutes: its print service may have crashed or been stopped); ${TRY_AGAIN}`,
      );
    }
    throw new PrintFailed(`the browser failed to print the page (${(e as Error).message.split('\n')[0]}); ${TRY_AGAIN}`);
  } finally {
    watch?.stop();
  }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return Buffer.concat(chunks);
}
