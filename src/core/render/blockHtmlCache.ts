import type { Token, Tokens } from 'marked';
import { base64 } from '../hash/base64';
import { sha256 } from '../hash/sha256';
import type { Block, ParsedDocument } from '../markdown';
import { footnotesOf, headingIdsOf, tokensOfBlock } from '../markdown';
import { fitsAt, originOf, templateText, type BlockTemplate } from './blockTemplate';

/** Renders whose block counts raise the cache bound (documents a preview and lint alternate between). */
const RECENT_RENDERS = 8;

interface Entry {
  readonly formulaHtml: string[];
  readonly template: BlockTemplate;
  /** Hash of the template's identity: equal keys mean equal HTML wherever the block stands. */
  readonly key: string;
}

/** An entry as found again through the token objects of its block (see `reparseMarkdown`). */
interface TokenEntry {
  entry: Entry;
  tokens: Token[];
  place: string;
}

/**
 * Block HTML from earlier renders. A block's HTML is determined by its source text, the ids of
 * its headings, the numbers of its footnote references, the document's link definitions, the
 * HTML of its formulas and where it starts; the template keeps the last apart (blockTemplate.ts),
 * so a block that only moved is placed anew, not rendered again.
 *
 * Blocks are found by their text, or first by their token objects: a re-render of an edited
 * document reuses the tokens of every block the edit did not touch, and comparing those
 * references is far cheaper than hashing and comparing the text of the whole document.
 */
export class BlockHtmlCache {
  readonly #entries = new Map<string, Entry>();
  #byToken = new WeakMap<Token, TokenEntry>();
  #linksKey = '';
  readonly #recentSizes: number[] = [];
  /** Blocks rendered (not reused) by the last call. */
  lastRendered = 0;

  readonly #hash: (html: string) => string;

  /** `hash`: the blocks' keys (`htmlKey` unless the host has a faster one of equal safety). */
  constructor(
    readonly maxEntries = 20_000,
    hash: (html: string) => string = htmlKey,
  ) {
    this.#hash = hash;
  }

  /** Returns the HTML of every block with its key, rendering only those `render` has not seen as they are. */
  blocksHtml(
    doc: ParsedDocument,
    blocks: readonly Block[],
    mathHtml: (i: number) => string,
    render: (missing: Block[]) => BlockTemplate[],
  ): Array<Pick<Entry, 'template' | 'key'>> {
    const linksKey = JSON.stringify(doc.tokens.links ?? {});
    if (linksKey !== this.#linksKey) this.clear();
    this.#linksKey = linksKey;
    const ids = headingIdsOf(doc.tokens);
    const footnotes = footnotesOf(doc.tokens).signatures;
    const out: (Entry | undefined)[] = [];
    const missing: Array<{ index: number; tokens: Token[]; place: string; key: string }> = [];
    blocks.forEach((b, i) => {
      const first = firstToken(doc, b);
      const place = blockPlace(b, first, doc, ids, footnotes);
      const usable = (entry: Entry): boolean => {
        if (entry.formulaHtml.length !== b.formulaIndices.length) return false;
        for (let k = 0; k < b.formulaIndices.length; k++) if (entry.formulaHtml[k] !== mathHtml(b.formulaIndices[k]!)) return false;
        return fitsAt(entry.template, originOf(b));
      };
      const known = this.#byToken.get(first);
      if (known && known.place === place && sameTokens(known.tokens, doc, b) && usable(known.entry)) {
        out[i] = known.entry;
        return;
      }
      const tokens = tokensOfBlock(doc, b);
      // The token types too: the same text reads differently under other options (MyST's targets and directives).
      const key = `${place}:${tokens.map((t) => t.type).join(',')}:${doc.text.slice(b.startOffset, b.endOffset)}`;
      const entry = this.#entries.get(key);
      if (!entry || !usable(entry)) {
        missing.push({ index: i, tokens, place, key });
        return;
      }
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      this.#byToken.set(first, { entry, tokens, place });
      out[i] = entry;
    });
    const rendered = missing.length ? render(missing.map((m) => blocks[m.index]!)) : [];
    this.lastRendered = missing.length;
    missing.forEach(({ index, tokens, place, key }, m) => {
      const template = rendered[m]!;
      const entry: Entry = { formulaHtml: blocks[index]!.formulaIndices.map(mathHtml), template, key: this.#hash(templateText(template)) };
      out[index] = entry;
      this.#entries.set(key, entry);
      this.#byToken.set(tokens[0]!, { entry, tokens, place });
    });
    // Least recently used go first, beyond the bound plus the largest recent document: a document
    // with more blocks than the bound keeps all of its own while it is among the last few rendered.
    this.#recentSizes.push(blocks.length);
    if (this.#recentSizes.length > RECENT_RENDERS) this.#recentSizes.shift();
    const bound = this.maxEntries + Math.max(...this.#recentSizes);
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= bound) break;
      this.#entries.delete(key);
    }
    return out as Entry[];
  }

  clear(): void {
    this.#entries.clear();
    this.#byToken = new WeakMap();
  }
}

/** What a block's HTML depends on besides its text, formulas and position: footnote numbers and heading ids. */
function blockPlace(
  block: Block,
  first: Token,
  doc: ParsedDocument,
  ids: ReadonlyMap<Token, string>,
  footnotes: ReadonlyMap<Token, string>,
): string {
  let start = '';
  if (footnotes.size) for (const t of tokensOfBlock(doc, block)) start += `|${footnotes.get(t) ?? ''}`;
  if (block.tokenEnd - block.tokenStart === 1 && !HEADINGS_INSIDE.has(first.type)) return `${start}:`;
  const headings: string[] = [];
  const visit = (list: readonly Token[]): void => {
    for (const t of list) {
      if (t.type === 'heading') headings.push(ids.get(t) ?? '');
      else if (t.type === 'blockquote') visit((t as Tokens.Blockquote).tokens);
      else if (t.type === 'list') for (const item of (t as Tokens.List).items) visit(item.tokens);
    }
  };
  visit(tokensOfBlock(doc, block));
  return `${start}:${headings.join('\u0000')}`;
}

/** Token types that are or may hold headings. */
const HEADINGS_INSIDE = new Set(['heading', 'blockquote', 'list']);

function firstToken(doc: ParsedDocument, block: Block): Token {
  let i = block.tokenStart;
  while (doc.tokens[i]!.type === 'space' && i < block.tokenEnd - 1) i++;
  return doc.tokens[i]!;
}

/** Whether `tokens` are the block's non-space tokens, as the very same objects. */
function sameTokens(tokens: readonly Token[], doc: ParsedDocument, block: Block): boolean {
  let k = 0;
  for (let i = block.tokenStart; i < block.tokenEnd; i++) {
    const t = doc.tokens[i]!;
    if (t.type === 'space') continue;
    if (tokens[k++] !== t) return false;
  }
  return k === tokens.length;
}

/** A block's key: equal for equal HTML (of a template: for equal identities), a cryptographic hash so that no document can make two blocks' keys equal. */
export function htmlKey(html: string): string {
  return base64(sha256(html), true);
}
