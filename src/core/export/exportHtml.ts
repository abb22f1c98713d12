import type { MathdownSettings } from '../config/settings';
import type { MathdownRenderer } from '../render/render';
import { DEFAULT_SECURITY_LEVEL, type SecurityLevel } from '../../shared/remoteContent';
import { cspMeta } from './contentSecurityPolicy';
import { documentLanguage } from './documentLanguage';
import { documentTitle } from './documentTitle';
import { embedImages, rewriteLocalImages, type ImageLoader, type ImageRewriter } from './embedImages';
import { escapeHtml } from '../../shared/escapeHtml';
import { exportCss, type ExportTheme } from './exportCss';
import { headingAnchors } from './headingAnchors';
import { omitRemoteImages } from './remoteImages';

export interface ExportOptions {
  renderer: MathdownRenderer;
  settings: MathdownSettings;
  /** Overrides `settings.export.theme`. */
  theme?: ExportTheme;
  /** Overrides `settings.export.images`. */
  images?: 'embed' | 'link';
  /** Reads a local image the document refers to (relative to the document); undefined keeps the link. */
  loadImage?: ImageLoader;
  /** With `images: "link"`: rewrites a local image reference, e.g. to stay valid from another folder. */
  linkImage?: ImageRewriter;
  /**
   * The preview's security level: remote images it would not load are left out of the page, and
   * its policy allows only the rest. Default strict, as the preview's: no remote image.
   */
  remoteContent?: SecurityLevel;
  /** The document's file name: the title when the document has neither front matter title nor heading. */
  sourceName?: string;
  signal?: AbortSignal;
}

/**
 * A standalone HTML page for a Markdown document: the preview's HTML (same renderer, same path)
 * with its math as SVG sharing one glyph cache, inline CSS, no script, and a CSP that forbids any.
 * Same text and options give the same bytes.
 */
export async function exportHtml(text: string, options: ExportOptions): Promise<string> {
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
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(documentLanguage(text))}">`,
    '<head>',
    '<meta charset="utf-8">',
    cspMeta(remoteContent),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="color-scheme" content="${theme}">`,
    '<meta name="generator" content="Mathdown">',
    `<title>${escapeHtml(documentTitle(text, options.sourceName, result.headings))}</title>`,
    `<style>\n${exportCss(theme, result.css, result.styleRules)}</style>`,
    '</head>',
    `<body class="mathdown-${theme}">`,
    // MathJax's hidden glyph cache (fontCache 'global'): every formula's <use> points into it.
    `${result.fontDefs.trim() ? `${result.fontDefs.trim()}\n` : ''}<main class="mathdown">`,
    body.trim(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
