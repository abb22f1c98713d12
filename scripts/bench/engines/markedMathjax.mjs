// Peer: the pipeline Mathdown replaces. Marked renders the Markdown to HTML first (so it may eat
// backslashes and underscores inside math), then MathJax's own page handler finds $…$, \(…\), $$…$$,
// \[…\] and environments in the HTML text and typesets them as SVG (mathjax-full 3.2.2, liteAdaptor).
// It gets the same TeX package list as Mathdown's typesetter.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, requireFromRepo } from './repo.mjs';

export const label = 'Marked + MathJax page handler (replaced pipeline)';

const FALLBACK_PACKAGES = ['base', 'ams', 'newcommand', 'boldsymbol', 'color', 'cancel', 'mathtools', 'textmacros'];

/** Mathdown's package list, read from its source so that both typeset with the same packages. */
function texPackages() {
  try {
    const src = fs.readFileSync(path.join(repoRoot, 'src/core/mathjax/texPackages.ts'), 'utf8');
    const list = src.slice(src.indexOf('[')).match(/'([a-z]+)'/g)?.map((s) => s.slice(1, -1));
    if (list?.length) return list;
  } catch { /* use the fallback */ }
  return FALLBACK_PACKAGES;
}

export function create() {
  const { Marked } = requireFromRepo('marked');
  const { mathjax } = requireFromRepo('mathjax-full/js/mathjax.js');
  const { TeX } = requireFromRepo('mathjax-full/js/input/tex.js');
  const { SVG } = requireFromRepo('mathjax-full/js/output/svg.js');
  const { liteAdaptor } = requireFromRepo('mathjax-full/js/adaptors/liteAdaptor.js');
  const { RegisterHTMLHandler } = requireFromRepo('mathjax-full/js/handlers/html.js');
  requireFromRepo('mathjax-full/js/input/tex/AllPackages.js');
  const packages = texPackages();
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const marked = new Marked();
  return {
    render: async (text) => {
      const html = marked.parse(text);
      const doc = mathjax.document(html, {
        InputJax: new TeX({ inlineMath: [['$', '$'], ['\\(', '\\)']], packages }),
        OutputJax: new SVG({ fontCache: 'local' }),
      });
      doc.render();
      return adaptor.innerHTML(adaptor.body(doc.document));
    },
  };
}

export const countMath = (html) => html.split('<mjx-container').length - 1;
