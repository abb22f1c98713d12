// Peer: VS Code's built-in Markdown preview math (markdown-it + @vscode/markdown-it-katex), configured
// as extensions/markdown-math does: fenced math blocks on, globalGroup so that \newcommand persists
// within a render, and the macro table reset before every render.
import { requireFromRepo } from './repo.mjs';

export const label = 'markdown-it + @vscode/markdown-it-katex (VS Code built-in)';

export function create() {
  const MarkdownIt = requireFromRepo('markdown-it');
  const katexPlugin = requireFromRepo('@vscode/markdown-it-katex').default;
  const md = MarkdownIt({ html: true, linkify: true });
  const options = { enableFencedBlocks: true, globalGroup: true, macros: {} };
  md.core.ruler.push('reset-katex-macros', () => { options.macros = {}; });
  md.use(katexPlugin, options);
  return { render: async (text) => md.render(text) };
}

export const countMath = (html) => html.split('class="katex"').length - 1;
