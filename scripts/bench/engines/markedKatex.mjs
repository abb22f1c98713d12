// Peer: Marked + marked-katex-extension (KaTeX), default extension options plus the shared,
// per-render macro table the other KaTeX peers get.
import { requireFromRepo } from './repo.mjs';

export const label = 'Marked + marked-katex-extension';

export function create() {
  const { Marked } = requireFromRepo('marked');
  const markedKatex = requireFromRepo('marked-katex-extension');
  const macros = {};
  const marked = new Marked().use(markedKatex({ throwOnError: false, globalGroup: true, macros }));
  return {
    render: async (text) => {
      for (const name of Object.keys(macros)) delete macros[name];
      return marked.parse(text);
    },
  };
}

export const countMath = (html) => html.split('class="katex"').length - 1;
