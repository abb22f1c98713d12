// Export to PDF (`mathdown export --pdf`), printed by Debian's Chromium as scripts/e2e/setup.sh
// installs it: the file parses, its pages hold the document's text in order, its math is vector
// paths (no bitmaps); a missing or wrong browser gives the message that says what to do.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateDoc, REFERENCE_BYTES } from '../../scripts/bench/generateDoc.mjs';
import { browserCandidates, findBrowser } from '../../src/node/pdf/findBrowser';
import { pageSetupOf, parseMargins } from '../../src/node/pdf/pageSetup';
import { inOrder, readPdf } from './helpers/readPdf';
import { runCli } from './helpers/runCli';

const root = join(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'mathdown-pdf-test-'));
const CHROMIUM = '/usr/bin/chromium';

test('Debian Chromium is installed (scripts/e2e/setup.sh) and found without being named', () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/e2e/setup.sh`);
  assert.ok(findBrowser(undefined).length > 0);
});

test('the showcase prints to a PDF of A4 pages: headings and prose in order, page numbers, math as vector paths', async () => {
  const source = join(dir, 'showcase.md');
  copyFileSync(join(root, 'examples/showcase.md'), source);
  const r = await runCli(dir, ['export', 'showcase.md', '--pdf']);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim(), join(dir, 'showcase.pdf'));
  const pdf = await readPdf(join(dir, 'showcase.pdf'));
  assert.ok(pdf.pages >= 2 && pdf.pages <= 6, `${pdf.pages} pages`);
  assert.ok(Math.abs(pdf.pageSize[0] - 595.3) < 1.5 && Math.abs(pdf.pageSize[1] - 841.9) < 1.5, `A4: ${pdf.pageSize.join(' × ')} pt`);
  const text = pdf.pageTexts.join('\n');
  const missing = inOrder(text, [
    'Mathdown showcase',
    'Inline math, every delimiter',
    'Not math: it costs $5 and $10.',
    'Display math, every delimiter',
    'Numbered equations and references',
    'Tables with | in math',
    'A deliberate TeX error',
    'Undefined control sequence',
    'Ordinary Markdown',
  ]);
  assert.equal(missing, undefined, missing);
  pdf.pageTexts.forEach((page, i) => {
    assert.ok(page.startsWith('Mathdown showcase'), `page ${i + 1} has the title at its top`);
    assert.ok(page.endsWith(`${i + 1} / ${pdf.pages}`), `page ${i + 1} has its number at its bottom: ${page.slice(-40)}`);
  });
  assert.equal(pdf.images, 0, 'no bitmaps');
  assert.ok(pdf.paths >= 100, `the formulas are drawn as paths (${pdf.paths})`);
});

test('page size, margins and the header/footer follow the options', async () => {
  writeFileSync(join(dir, 'small.md'), '# Small\n\nEuler: $e^{i\\pi} + 1 = 0$.\n');
  const r = await runCli(dir, ['export', 'small.md', '-o', 'small.pdf', '--page-size', 'Letter', '--margin', '1in', '--no-header-footer']);
  assert.equal(r.code, 0, r.err);
  const pdf = await readPdf(join(dir, 'small.pdf'));
  assert.equal(pdf.pages, 1);
  assert.ok(Math.abs(pdf.pageSize[0] - 612) < 1.5 && Math.abs(pdf.pageSize[1] - 792) < 1.5, `Letter: ${pdf.pageSize.join(' × ')} pt`);
  assert.equal(pdf.pageTexts[0], 'Small\nEuler: .');
  const bad = await runCli(dir, ['export', 'small.md', '--pdf', '--page-size', 'B7']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--page-size must be one of A4, Letter/);
  assert.equal((await runCli(dir, ['export', 'small.md', '--pdf', '--margin', 'wide'])).code, 2);
  assert.match((await runCli(dir, ['export', 'small.md', '--browser', CHROMIUM])).err, /are for PDF \(--pdf\)/);
});

test('a wrong browser gives a message that says what to set, and writes nothing', async () => {
  writeFileSync(join(dir, 'wrong.md'), '# Wrong\n\n$x$\n');
  const missing = await runCli(dir, ['export', 'wrong.md', '--pdf', '--browser', join(dir, 'no-such-browser')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no browser at .*no-such-browser .*set it to the program file of Chrome, Chromium or Edge/);
  // A program that is not a browser: it fails to start, within the launch deadline.
  const notBrowser = await runCli(dir, ['export', 'wrong.md', '--pdf', '--browser', process.execPath]);
  assert.equal(notBrowser.code, 2);
  assert.match(notBrowser.err, /did not start as a Chromium-family browser.*set mathdown\.export\.browserPath/);
  assert.ok(!existsSync(join(dir, 'wrong.pdf')));
});

// The longest of the PDF tests (a 23.5 MB page, some 550 pages): it guards against a print that
// never ends (see src/node/pdf/stallWatch.ts) as much as a wrong one.
test(
  'the 1 MB reference document prints: every page numbered, its first and last headings in order, no bitmaps',
  { timeout: 40 * 60_000 },
  async () => {
    const { text } = generateDoc({ bytes: REFERENCE_BYTES });
    writeFileSync(join(dir, 'reference.md'), text);
    const r = await runCli(dir, ['export', 'reference.md', '--pdf']);
    assert.equal(r.code, 0, r.err);
    const pdf = await readPdf(join(dir, 'reference.pdf'));
    assert.ok(pdf.pages >= 200, `${pdf.pages} pages`);
    const all = pdf.pageTexts.join('\n');
    const missing = inOrder(all, [
      'Lecture notes (generated benchmark document)',
      '1. Linear Maps',
      '1.1 implies linear of expectation limit',
      '12.30 kernel of for',
    ]);
    assert.equal(missing, undefined, missing);
    const unnumbered = pdf.pageTexts.findIndex((page, i) => !page.endsWith(`${i + 1} / ${pdf.pages}`));
    assert.equal(unnumbered, -1, `page ${unnumbered + 1} lacks its number: ${pdf.pageTexts[unnumbered]?.slice(-40)}`);
    assert.equal(pdf.images, 0, 'no bitmaps');
    assert.ok(pdf.paths > 6000, `${pdf.paths} paths`);
  },
);

test('browser candidates: the PATH and the usual folders on Linux, the application folders on macOS and Windows', () => {
  const linux = browserCandidates({ platform: 'linux', env: { PATH: '/home/u/bin:/usr/bin' } });
  assert.equal(linux[0], '/home/u/bin/google-chrome');
  assert.ok(linux.includes('/usr/bin/chromium') && linux.includes('/snap/bin/chromium') && linux.includes('/usr/bin/microsoft-edge'));
  assert.equal(new Set(linux).size, linux.length, 'each place once');
  const mac = browserCandidates({ platform: 'darwin', env: { HOME: '/Users/u' } });
  assert.equal(mac[0], '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  assert.ok(mac.includes('/Users/u/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'));
  const win = browserCandidates({
    platform: 'win32',
    env: { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' },
  });
  assert.equal(win[0], 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  assert.ok(win.includes('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'));
  assert.ok(win.includes('C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'));
  const none = { platform: 'darwin' as const, env: {}, runnable: () => false };
  assert.throws(() => findBrowser(undefined, none), {
    name: 'BrowserNotFound',
    message: /install Google Chrome, Chromium or Microsoft Edge/,
  });
  assert.throws(() => findBrowser('', { ...none, platform: 'linux' }), { message: /sudo apt install chromium/ });
  const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
  assert.equal(
    findBrowser(undefined, { platform: 'win32', env: { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, runnable: (p) => p === edge }),
    edge,
  );
});

test('margins are CSS shorthand; bad page settings fall back to the defaults', () => {
  assert.deepEqual(parseMargins('1in'), { top: '1in', right: '1in', bottom: '1in', left: '1in' });
  assert.deepEqual(parseMargins(' 2cm 1.5cm '), { top: '2cm', right: '1.5cm', bottom: '2cm', left: '1.5cm' });
  assert.deepEqual(parseMargins('1mm 2mm 3mm'), { top: '1mm', right: '2mm', bottom: '3mm', left: '2mm' });
  for (const bad of ['', 'wide', '1', '-1mm', '1mm 2mm 3mm 4mm 5mm', '1em']) assert.equal(parseMargins(bad), undefined, bad);
  assert.deepEqual(pageSetupOf({ pageSize: 'letter', margin: 'x', headerFooter: 'yes' }), {
    pageSize: 'Letter',
    margins: { top: '20mm', right: '18mm', bottom: '20mm', left: '18mm' },
    headerFooter: true,
  });
});
