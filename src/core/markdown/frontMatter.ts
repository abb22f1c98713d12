// YAML front matter, the one reader of it: the Marked token that hides it from the preview and
// the export, and just enough of YAML for a page's metadata (top-level `key: scalar` lines).
import type { TokenizerExtension } from 'marked';
import { locate, MathLexer } from './mathLexer';

/** `---` on the first line, up to a `---` or `...` line; group 1 holds the lines between, if any. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

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

/** The front matter of a document as given (any line endings, a BOM before it allowed). */
function frontMatterOf(text: string): { length: number; body: string } | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const m = FRONT_MATTER.exec(text.slice(bom));
  return m ? { length: m[0].length + bom, body: m[1] ?? '' } : undefined;
}

/** The lines between the front matter's fences, and the 1-based line of the first (undefined without front matter). */
export function frontMatterBody(text: string): { body: string; firstLine: number } | undefined {
  const fm = frontMatterOf(text);
  return fm ? { body: fm.body, firstLine: 2 } : undefined;
}

/** The front matter block's length in characters, BOM included (0 when the document has none). */
export function frontMatterLength(text: string): number {
  return frontMatterOf(text)?.length ?? 0;
}

/** The value of a top-level scalar `key:` in the front matter, unquoted; undefined when absent or empty. */
export function frontMatterField(text: string, key: string): string | undefined {
  const prefix = new RegExp(`^${key}[ \\t]*:`);
  const line = frontMatterOf(text)
    ?.body.split(/\r?\n/)
    .find((l) => prefix.test(l));
  if (!line) return undefined;
  let value = line.replace(prefix, '').trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(value)) {
    try {
      value = JSON.parse(value) as string;
    } catch {
      value = value.slice(1, -1);
    }
  } else if (/^'.*'$/.test(value)) {
    value = value.slice(1, -1).replace(/''/g, "'");
  } else {
    value = value.replace(/[ \t]#.*$/, '');
  }
  return value.trim() || undefined;
}
