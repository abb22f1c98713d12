import type { ExportOptions } from './exportOptions';
import { DEFAULT_SECURITY_LEVEL } from '../../shared/remoteContent';
import { documentLanguage } from './documentLanguage';
import { documentTitle } from './documentTitle';
import { embedImages, rewriteLocalImages } from './embedImages';
import { exportCss } from './exportCss';
import { headingAnchors } from './headingAnchors';
import { omitRemoteImages } from './remoteImages';
import { standalonePage } from './standalonePage';
import { exportNotebookHtml } from './exportNotebook';
import { isNotebookName } from '../notebook/ipynb';

export type { ExportOptions } from './exportOptions';

/**
 * A standalone HTML page for a Markdown document: the preview's HTML (same renderer, same path)
 * with its math as SVG sharing one glyph cache, inline CSS, no script, and a CSP that forbids any.
 * Same text and options give the same bytes. A notebook (`sourceName` ending in `.ipynb`) is
 * exported by `exportNotebookHtml`.
 */
export async function exportHtml(text: string, options: ExportOptions): Promise<string> {
  if (isNotebookName(options.sourceName)) return exportNotebookHtml(text, options);
  const { renderer, settings } = options;
  const theme = options.theme ?? settings.export.theme;
  const images = options.images ?? settings.export.images;
  const result = await renderer.render(text, {
    math: settings.math,
    fontCache: 'global',
    assistiveMml: true,
    styleClasses: true,
    signal: options.signal,
  });
  let body = headingAnchors(result.html);
  if (images === 'embed' && options.loadImage) body = await embedImages(body, options.loadImage);
  else if (images === 'link' && options.linkImage) body = await rewriteLocalImages(body, options.linkImage);
  const remoteContent = options.remoteContent ?? DEFAULT_SECURITY_LEVEL;
  body = omitRemoteImages(body, remoteContent);
  return standalonePage({
    lang: documentLanguage(text),
    theme,
    remoteContent,
    title: documentTitle(text, options.sourceName, result.headings),
    css: exportCss(theme, result.css, result.styleRules),
    fontDefs: result.fontDefs,
    body,
  });
}
