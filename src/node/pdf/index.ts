// dist/pdf.js: printing to PDF, a bundle of its own (it carries the browser driver), loaded by the
// extension and the CLI only when a PDF is asked for (see loadPdf.ts).
export { BrowserNotFound, browserCandidates, findBrowser } from './findBrowser';
export { PrintFailed, printPdf, type PrintOptions } from './printPdf';
