import GithubSlugger from 'github-slugger';
import type { Token, Tokens } from 'marked';
import { plainText } from './plainText';

const cache = new WeakMap<readonly Token[], Map<Token, string>>();

/** GitHub-style ids for every heading of a document, unique per document, computed once per token list. */
export function headingIdsOf(tokens: readonly Token[]): Map<Token, string> {
  let ids = cache.get(tokens);
  if (!ids) {
    ids = new Map();
    const slugger = new GithubSlugger();
    const visit = (list: readonly Token[]): void => {
      for (const token of list) {
        if (token.type === 'heading') ids!.set(token, slugger.slug(plainText((token as Tokens.Heading).tokens)));
        else if (token.type === 'blockquote') visit((token as Tokens.Blockquote).tokens);
        else if (token.type === 'list') for (const item of (token as Tokens.List).items) visit(item.tokens);
      }
    };
    visit(tokens);
    cache.set(tokens, ids);
  }
  return ids;
}
