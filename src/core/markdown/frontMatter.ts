import type { TokenizerExtension } from 'marked';
import { locate, MathLexer } from './mathLexer';

const FRONT_MATTER = /^---[ \t]*\n(?:[\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * YAML front matter (`---` … `---` on the document's first line), as VS Code's preview reads it:
 * a token of its own that renders nothing, so that neither a rule nor a setext heading appears
 * and nothing in it is taken for math.
 */
export const frontMatterExtension: TokenizerExtension = {
  name: 'frontMatter',
  level: 'block',
  tokenizer(src) {
    const lexer = this.lexer;
    if (!(lexer instanceof MathLexer) || lexer.blockContexts.length !== 1) return undefined;
    const at = locate(lexer, src, 'block');
    if (at.pos !== 0) return undefined;
    const m = FRONT_MATTER.exec(src);
    return m ? { type: 'frontMatter', raw: m[0] } : undefined;
  },
};
