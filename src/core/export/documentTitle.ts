// The title of an exported page: front matter `title:`, else the first heading, else the file name.
import { headingsOf, parseMarkdown, type Heading } from '../markdown';
import { frontMatterField } from '../markdown/frontMatter';

/**
 * The page title: front matter `title:`, else the text of the first heading outside block quotes
 * and lists (formulas as written), else `sourceName` without its extension. `headings`: the
 * document's, when a render has them (else the text is parsed with the default math options).
 */
export function documentTitle(text: string, sourceName?: string, headings?: readonly Heading[]): string {
  const fallback = (sourceName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return frontMatterField(text, 'title') ?? firstHeading(headings ?? headingsOf(parseMarkdown(text))) ?? (fallback || 'Untitled');
}

function firstHeading(headings: readonly Heading[]): string | undefined {
  return headings.find((h) => h.topLevel && h.text)?.text;
}
