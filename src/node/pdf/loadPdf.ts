// Loads dist/pdf.js (the PDF printer with its browser driver) on first use: neither the extension's
// activation nor a CLI command that prints nothing pays for parsing it.
import type * as Pdf from './index';
import { bundledFile } from '../platform/bundledFile';

let loaded: typeof Pdf | undefined;

export function loadPdf(): typeof Pdf {
  // A computed path, so that esbuild leaves this require to run time instead of bundling the driver.
  return (loaded ??= require(bundledFile('pdf.js')) as typeof Pdf);
}
