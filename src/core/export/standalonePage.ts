import { escapeHtml } from '../../shared/escapeHtml';
import type { SecurityLevel } from '../../shared/remoteContent';
import { cspMeta } from './contentSecurityPolicy';
import type { ExportTheme } from './exportCss';

/** The page around an export's body: its head (CSP, theme, title, CSS) and the shared glyph cache. */
export function standalonePage(page: {
  lang: string;
  theme: ExportTheme;
  /** The security level whose remote images the page's policy allows (the body holds no others). */
  remoteContent: SecurityLevel;
  title: string;
  css: string;
  fontDefs: string;
  body: string;
}): string {
  const { theme, fontDefs, body } = page;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    cspMeta(page.remoteContent),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="color-scheme" content="${theme}">`,
    '<meta name="generator" content="Mathdown">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>\n${page.css}</style>`,
    '</head>',
    `<body class="mathdown-${theme}">`,
    // MathJax's hidden glyph cache (fontCache 'global'): every formula's <use> points into it.
    `${fontDefs.trim() ? `${fontDefs.trim()}\n` : ''}<main class="mathdown">`,
    body.trim(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
