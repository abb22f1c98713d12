import { escapeHtml } from '../../shared/escapeHtml';
import { readIpynb, type CellOutput } from '../notebook/ipynb';
import { documentLanguage } from './documentLanguage';
import { documentTitle } from './documentTitle';
import { embedImages, rewriteLocalImages } from './embedImages';
import { exportCss } from './exportCss';
import type { ExportOptions } from './exportOptions';
import { standalonePage } from './standalonePage';
import { headingAnchors } from './headingAnchors';
import { omitRemoteImages } from './remoteImages';
import { DEFAULT_SECURITY_LEVEL } from '../../shared/remoteContent';

/** The notebook's own few rules: code cells and their outputs set apart from the prose. */
const NOTEBOOK_CSS = `.nb-code{margin:0 0 1em}
.nb-code>pre{margin:0}
.nb-output{margin:.25em 0 0;padding-left:1em;border-left:.25em solid var(--border);background:none}
.nb-error{color:#c62828}
img.nb-output{display:block;max-width:100%;border-left:0}
.nb-omitted{color:var(--muted);font-style:italic}
`;

/**
 * A standalone HTML page for a Jupyter notebook (`.ipynb` text): its Markdown cells rendered as
 * one document (numbering, labels and macros carry across cells: `renderCells`), each code cell's
 * source and its outputs: text, streams and errors as text, PNG/JPEG/GIF/SVG images embedded as
 * data URIs; other rich outputs (HTML, widgets, JavaScript) are not run or shown, only named, with
 * their `text/plain` form when the notebook has one. Raw cells show as text.
 */
export async function exportNotebookHtml(json: string, options: ExportOptions): Promise<string> {
  const { renderer, settings } = options;
  const theme = options.theme ?? settings.export.theme;
  const images = options.images ?? settings.export.images;
  const notebook = readIpynb(json);
  const markdown = notebook.cells.filter((c) => c.kind === 'markdown').map((c) => c.source);
  const result = await renderer.renderCells(markdown, {
    math: settings.math,
    fontCache: 'global',
    assistiveMml: true,
    styleClasses: true,
    signal: options.signal,
  });
  let m = 0;
  const language = escapeHtml(notebook.language);
  const parts = notebook.cells.map((cell) => {
    if (cell.kind === 'markdown') return `<section class="nb-markdown">\n${result.cells[m++]!.html}</section>`;
    if (cell.kind === 'raw') return `<pre class="nb-raw">${escapeHtml(cell.source)}</pre>`;
    const source = `<pre><code class="language-${language}">${escapeHtml(cell.source)}</code></pre>`;
    return `<section class="nb-code">\n${source}\n${cell.outputs.map(outputHtml).join('\n')}</section>`;
  });
  let body = headingAnchors(parts.join('\n'));
  if (images === 'embed' && options.loadImage) body = await embedImages(body, options.loadImage);
  else if (images === 'link' && options.linkImage) body = await rewriteLocalImages(body, options.linkImage);
  const remoteContent = options.remoteContent ?? DEFAULT_SECURITY_LEVEL;
  body = omitRemoteImages(body, remoteContent);
  const text = markdown.join('\n\n');
  return standalonePage({
    lang: documentLanguage(text),
    theme,
    remoteContent,
    title: documentTitle(
      text,
      options.sourceName,
      result.cells.flatMap((c) => c.headings),
    ),
    css: exportCss(theme, result.css, result.styleRules) + NOTEBOOK_CSS,
    fontDefs: result.fontDefs,
    body,
  });
}

function outputHtml(output: CellOutput): string {
  switch (output.kind) {
    case 'text':
      return `<pre class="nb-output${output.stream === 'stderr' ? ' nb-error' : ''}">${escapeHtml(output.text)}</pre>`;
    case 'error':
      return `<pre class="nb-output nb-error">${escapeHtml(output.text)}</pre>`;
    case 'image':
      return `<img class="nb-output" alt="" src="data:${output.mime};base64,${escapeHtml(output.base64)}">`;
    case 'omitted':
      return `<p class="nb-output nb-omitted">Output not shown in the export (${escapeHtml(output.mimes.join(', '))}).</p>`;
  }
}
