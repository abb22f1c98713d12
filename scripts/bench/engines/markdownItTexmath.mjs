// Peer: markdown-it + markdown-it-texmath with KaTeX, `dollars` delimiters (its default and most
// common setting). One shared macro table, emptied before every render, as for the VS Code peer.
import { requireFromRepo } from './repo.mjs';

export const label = 'markdown-it + markdown-it-texmath + KaTeX';

export function create() {
  const MarkdownIt = requireFromRepo('markdown-it');
  const texmath = requireFromRepo('markdown-it-texmath');
  const katex = requireFromRepo('katex');
  const macros = {};
  const md = MarkdownIt({ html: true }).use(texmath, { engine: katex, delimiters: 'dollars', katexOptions: { macros, globalGroup: true, throwOnError: false } });
  return {
    render: async (text) => {
      for (const name of Object.keys(macros)) delete macros[name];
      return md.render(text);
    },
  };
}

export const countMath = (html) => html.split('class="katex"').length - 1;
