// The one reading of a document's headings: the ids the preview and the export give them (GitHub's
// slugs, unique per document), the page title, and where a link's fragment leads in the editor.
import GithubSlugger from 'github-slugger';
import type { Token, Tokens } from 'marked';
import type { SourceLineField } from './mathToken';
import { plainText } from './plainText';

export interface Heading {
  /** GitHub-style id, unique in the document: `intro`, then `intro-1` for a second "Intro". */
  readonly id: string;
  /** The text a reader sees, formulas as written (`$x$`), white space collapsed. */
  readonly text: string;
  /** 1 to 6. */
  readonly level: number;
  /** 0-based source line where the heading starts. */
  readonly line: number;
  /** False inside a block quote or list item. */
  readonly topLevel: boolean;
  readonly token: Tokens.Heading;
}

const headingsCache = new WeakMap<readonly Token[], readonly Heading[]>();
const idsCache = new WeakMap<readonly Token[], Map<Token, string>>();

/** Every heading of a parsed document in document order (block quotes and list items included), computed once per token list. */
export function headingsOf(doc: { readonly tokens: readonly Token[] }): readonly Heading[] {
  let headings = headingsCache.get(doc.tokens);
  if (!headings) {
    const out: Heading[] = [];
    const slugger = new GithubSlugger();
    const visit = (list: readonly Token[], topLevel: boolean): void => {
      for (const token of list) {
        if (token.type === 'heading') {
          const heading = token as Tokens.Heading;
          out.push({
            id: slugger.slug(plainText(heading.tokens)),
            text: plainText(heading.tokens, 'source').replace(/\s+/g, ' ').trim(),
            level: heading.depth,
            line: (heading as SourceLineField).sourceLine ?? 0,
            topLevel,
            token: heading,
          });
        } else if (token.type === 'blockquote') visit((token as Tokens.Blockquote).tokens, false);
        else if (token.type === 'list') for (const item of (token as Tokens.List).items) visit(item.tokens, false);
      }
    };
    visit(doc.tokens, true);
    headingsCache.set(doc.tokens, (headings = out));
  }
  return headings;
}

/** The heading ids of a token list by heading token, for the HTML renderer. */
export function headingIdsOf(tokens: readonly Token[]): Map<Token, string> {
  let ids = idsCache.get(tokens);
  if (!ids) idsCache.set(tokens, (ids = new Map(headingsOf({ tokens }).map((h) => [h.token, h.id]))));
  return ids;
}

/** The heading a link's fragment names (`intro-1`, percent-encoded or not, in any case), if any. */
export function headingByFragment(headings: readonly Heading[], fragment: string): Heading | undefined {
  let wanted = fragment.replace(/^#/, '');
  try {
    wanted = decodeURIComponent(wanted);
  } catch {
    /* keep as written */
  }
  wanted = wanted.toLowerCase();
  return headings.find((h) => h.id === wanted);
}
