import { escapeHtml } from './errorBox';

/**
 * The hidden `<svg>` holding the glyphs that formulas typeset with fontCache 'global' refer to,
 * in the form MathJax itself emits it; each glyph once, in order of first use.
 */
export function globalFontDefs(glyphLists: Iterable<ReadonlyArray<readonly [string, string]>>): string {
  const seen = new Map<string, string>();
  for (const glyphs of glyphLists) for (const [id, path] of glyphs) if (!seen.has(id)) seen.set(id, path);
  if (!seen.size) return '';
  const paths = [...seen].map(([id, path]) => `<path id="${escapeHtml(id)}" d="${escapeHtml(path)}"></path>`).join('');
  return `<svg style="display: none;" id="MJX-SVG-global-cache"><defs>${paths}</defs></svg>`;
}
