import { base64 } from '../hash/base64';
import type { MathOptions } from '../types';

/** What to typeset to show a formula (or a command) on its own: the TeX, with the macro definitions it may use. */
export interface FormulaPreview {
  tex: string;
  display: boolean;
  /** `\newcommand…` sources replayed before the TeX, so the document's own macros render. */
  definitions: readonly string[];
}

/** A one-formula Markdown document for the renderer, with the math options it must be rendered with. */
export function previewDocument(preview: FormulaPreview, settings: MathOptions): { text: string; math: MathOptions } {
  const math: MathOptions = { ...settings, delimiters: ['gfm'], equationNumbers: 'none' };
  const inline = !preview.display && !preview.tex.includes('`') && !/\n\s*\n/.test(preview.tex);
  if (inline) return { text: `$\`${[...preview.definitions, preview.tex].join(' ')}\`$\n`, math };
  const tex = [...preview.definitions, preview.tex].join('\n');
  const longestRun = Math.max(0, ...[...tex.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return { text: `${fence}math\n${tex}\n${fence}\n`, math };
}

/** The outer `<svg>…</svg>` of the first MathJax container in rendered HTML. */
export function firstFormulaSvg(html: string): string | undefined {
  const container = html.indexOf('<mjx-container');
  if (container < 0) return undefined;
  const start = html.indexOf('<svg', container);
  const close = html.indexOf('</mjx-container>', container);
  const end = html.lastIndexOf('</svg>', close < 0 ? html.length : close);
  return start >= 0 && end > start ? html.slice(start, end + '</svg>'.length) : undefined;
}

/**
 * A standalone `data:` image of a MathJax SVG: `currentColor` becomes `color` (an image has no
 * inherited colour) and the `ex` sizes become pixels.
 */
export function svgDataUri(svg: string, color: string, exPx = 8): string {
  let out = svg.replace(/currentColor/g, color);
  out = out.replace(/^<svg([^>]*)>/, (_m, attrs: string) => {
    let a = attrs.replace(
      /\s(width|height)="(-?[\d.]+)ex"/g,
      (_n, dim: string, v: string) => ` ${dim}="${(Number(v) * exPx).toFixed(1)}px"`,
    );
    a = a.replace(/\sstyle="[^"]*"/, '');
    if (!/\sxmlns=/.test(a)) a = ' xmlns="http://www.w3.org/2000/svg"' + a;
    if (out.includes('xlink:') && !/\sxmlns:xlink=/.test(a)) a += ' xmlns:xlink="http://www.w3.org/1999/xlink"';
    return `<svg${a}>`;
  });
  return `data:image/svg+xml;base64,${base64(new TextEncoder().encode(out))}`;
}
