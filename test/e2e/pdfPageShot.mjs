#!/usr/bin/env node
// Screenshot for the README (docs/screenshots/pdf-page.png): page 1 of the showcase exported to PDF
// by `mathdown export --pdf` (Debian's Chromium prints it), drawn by pdf.js in headless Chromium,
// so the picture is the PDF itself, not the HTML it was printed from. Needs `node esbuild.mjs` first.
//   node test/e2e/pdfPageShot.mjs [--page 1] [--scale 1.5] [--out docs/screenshots]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { argv, copyToTemp, launchChromium, repoRoot } from './lib.mjs';

const pageNumber = Number(argv('page', '1'));
const scale = Number(argv('scale', '1.5'));
const out = path.resolve(argv('out', path.join(repoRoot, 'docs', 'screenshots')));
fs.mkdirSync(out, { recursive: true });

const folder = copyToTemp(path.join(repoRoot, 'examples'));
const pdfFile = path.join(folder, 'showcase.pdf');
execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'export', path.join(folder, 'showcase.md'), '--pdf'], {
  stdio: 'inherit',
});

// pdf.js and the PDF served from memory under one made-up origin (module scripts and the worker need one).
const ORIGIN = 'http://pdf-shot.invalid';
const pdfjs = path.join(repoRoot, 'node_modules/pdfjs-dist/build');
const files = {
  '/pdf.mjs': [path.join(pdfjs, 'pdf.mjs'), 'text/javascript'],
  '/pdf.worker.mjs': [path.join(pdfjs, 'pdf.worker.mjs'), 'text/javascript'],
  '/doc.pdf': [pdfFile, 'application/pdf'],
};
const viewer = `<!DOCTYPE html><html><body style="margin:0;background:#fff">
<canvas id="page" style="display:block"></canvas>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
const doc = await pdfjs.getDocument('/doc.pdf').promise;
const page = await doc.getPage(${pageNumber});
const viewport = page.getViewport({ scale: ${scale} });
const canvas = document.getElementById('page');
canvas.width = viewport.width;
canvas.height = viewport.height;
await page.render({ canvasContext: canvas.getContext('2d'), viewport, background: '#ffffff' }).promise;
document.body.dataset.done = String(doc.numPages);
</script></body></html>`;

const { context, close } = await launchChromium({ viewport: { width: 1000, height: 1400 } });
try {
  await context.route(`${ORIGIN}/**`, (route) => {
    const pathname = new URL(route.request().url()).pathname;
    if (pathname === '/') return route.fulfill({ body: viewer, contentType: 'text/html' });
    const file = files[pathname];
    return file ? route.fulfill({ path: file[0], contentType: file[1] }) : route.fulfill({ status: 404 });
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.waitForSelector('body[data-done]', { timeout: 120_000 });
  const target = path.join(out, 'pdf-page.png');
  await page.locator('#page').screenshot({ path: target });
  console.log(`${target}: page ${pageNumber} of ${await page.getAttribute('body', 'data-done')}`);
} finally {
  await close();
  fs.rmSync(folder, { recursive: true, force: true });
}
