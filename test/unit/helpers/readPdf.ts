// A PDF read back with pdf.js: its pages, its text in reading order (each page top to bottom, each
// line left to right), and what it paints (images versus vector paths).
import { readFileSync } from 'node:fs';

export interface PdfReport {
  pages: number;
  /** Width and height of the first page, in points. */
  pageSize: [number, number];
  /** Each page's text, lines joined by newlines. */
  pageTexts: string[];
  /** Image paints (an embedded bitmap each). */
  images: number;
  /** Vector path constructions. */
  paths: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type TextItem = import('pdfjs-dist/types/src/display/api').TextItem;

export async function readPdf(file: string): Promise<PdfReport> {
  // pdf.js is an ES module: loaded at run time (it is kept out of the test bundle).
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const report: PdfReport = { pages: doc.numPages, pageSize: [0, 0], pageTexts: [], images: 0, paths: 0 };
  const imageOps = new Set<number>([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject]);
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    if (i === 1) report.pageSize = [page.view[2]! - page.view[0]!, page.view[3]! - page.view[1]!];
    const items = (await page.getTextContent()).items.filter((t): t is TextItem => 'str' in t && t.str.trim() !== '');
    // Sorted by baseline (transform[5], descending) then by x (transform[4]).
    // Lines: items whose baselines are within 2 points, top to bottom, each left to right.
    items.sort((a, b) => b.transform[5]! - a.transform[5]! || a.transform[4]! - b.transform[4]!);
    const lines: TextItem[][] = [];
    for (const item of items) {
      const line = lines.at(-1);
      if (line && Math.abs(line[0]!.transform[5]! - item.transform[5]!) < 2) line.push(item);
      else lines.push([item]);
    }
    report.pageTexts.push(lines.map(lineText).join('\n'));
    const ops = await page.getOperatorList();
    for (const fn of ops.fnArray) {
      if (imageOps.has(fn)) report.images++;
      else if (fn === pdfjs.OPS.constructPath) report.paths++;
    }
    page.cleanup();
  }
  await doc.destroy();
  return report;
}

/** A line's items left to right, a space between two only where the page leaves a gap (a ligature such as "fi" is an item of its own). */
function lineText(line: TextItem[]): string {
  line.sort((a, b) => a.transform[4]! - b.transform[4]!);
  let text = '';
  let end = -Infinity;
  for (const item of line) {
    const x = item.transform[4]!;
    text += (text && x - end > 1 ? ' ' : '') + item.str;
    end = x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** True when `needles` occur in `text` in this order. */
export function inOrder(text: string, needles: readonly string[]): string | undefined {
  let at = 0;
  for (const n of needles) {
    const i = text.indexOf(n, at);
    if (i < 0) return `"${n}" is missing after offset ${at}`;
    at = i + n.length;
  }
  return undefined;
}
