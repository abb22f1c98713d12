import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { exportHtml as ExportHtml, ExportOptions } from '../core/export';
import { ExportRefused } from '../core/export/exportRefused';
import { localImageLoader, localImageRelinker } from './loadLocalImage';
import { writeFileAtomic } from './writeFileAtomic';

export { ExportRefused };

/** `notes.md` → `notes.html`, in `folder` when given (relative folders are taken from the source's). */
export function defaultExportPath(sourcePath: string, folder?: string): string {
  const ext = extname(sourcePath);
  const name = `${ext ? basename(sourcePath, ext) : basename(sourcePath)}.html`;
  return join(folder ? resolve(dirname(sourcePath), folder) : dirname(sourcePath), name);
}

/** True when `a` and `b` name the same file (same path, or the same inode through a link or case folding). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export type ExportToFileOptions = Omit<ExportOptions, 'loadImage' | 'linkImage' | 'sourceName'>;

/**
 * Exports the Markdown `text` of the file `sourcePath` to the HTML file `outputPath`, atomically,
 * embedding local images read relative to the source (or linking them so that the links still
 * resolve from the output's folder). Refuses to write over the source.
 * This is the one Node-side export path: the CLI and the VS Code command both call it, with the
 * core's `exportHtml` (the extension passes the lazily loaded core's, so the export code is not
 * bundled a second time into dist/extension.js).
 */
export function exportToFileWith(exportHtml: typeof ExportHtml) {
  return async (text: string, sourcePath: string, outputPath: string, options: ExportToFileOptions): Promise<string> => {
    const source = resolve(sourcePath);
    const output = resolve(outputPath);
    if (await isSameFile(source, output)) {
      throw new ExportRefused(`the output ${output} is the source document itself; choose another output file`);
    }
    const html = await exportHtml(text, {
      ...options,
      loadImage: localImageLoader(dirname(source)),
      linkImage: localImageRelinker(dirname(source), dirname(output)),
      sourceName: basename(source),
    });
    await writeFileAtomic(output, html);
    return output;
  };
}
