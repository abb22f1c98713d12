import { createHash } from 'node:crypto';
import type { Token, Tokens } from 'marked';
import type { Block, ParsedDocument } from './markdown';
import { headingIdsOf, tokensOfBlock } from './markdown';

/** Renders whose block counts raise the cache bound (documents a preview and lint alternate between). */
const RECENT_RENDERS = 8;

interface Entry {
  formulaHtml: string[];
  html: string;
  /** Hash of `html`: equal hashes mean identical HTML. */
  hash: string;
}

export interface BlockHtml {
  html: string;
  hash: string;
}

/**
 * Block HTML from earlier renders. A block's HTML is determined by its source text, where it
 * starts (data-line, data-formula), the ids of its headings, the document's link definitions and
 * the HTML of its formulas; when all of those are unchanged the block is not rendered again.
 */
export class BlockHtmlCache {
  readonly #entries = new Map<string, Entry>();
  #linksKey = '';
  readonly #recentSizes: number[] = [];
  /** Blocks rendered (not reused) by the last call. */
  lastRendered = 0;

  constructor(readonly maxEntries = 20_000) {}

  /** Returns the HTML of every block, rendering only those `render` has not seen as they are. */
  blocksHtml(doc: ParsedDocument, blocks: readonly Block[], mathHtml: (i: number) => string, render: (missing: Block[]) => string[]): BlockHtml[] {
    const linksKey = JSON.stringify(doc.tokens.links ?? {});
    if (linksKey !== this.#linksKey) { this.#entries.clear(); this.#linksKey = linksKey; }
    const ids = headingIdsOf(doc.tokens);
    const keys = blocks.map((b) => blockKey(doc, b, ids));
    const out: (BlockHtml | undefined)[] = blocks.map((b, i) => {
      const entry = this.#entries.get(keys[i]!);
      if (!entry || !b.formulaIndices.every((f, k) => entry.formulaHtml[k] === mathHtml(f))) return undefined;
      this.#entries.delete(keys[i]!);
      this.#entries.set(keys[i]!, entry);
      return entry;
    });
    const missing = blocks.filter((_, i) => out[i] === undefined);
    const rendered = missing.length ? render(missing) : [];
    this.lastRendered = missing.length;
    let m = 0;
    blocks.forEach((b, i) => {
      if (out[i] !== undefined) return;
      const html = rendered[m++]!;
      const entry = { formulaHtml: b.formulaIndices.map(mathHtml), html, hash: createHash('sha1').update(html).digest('base64url') };
      out[i] = entry;
      this.#entries.set(keys[i]!, entry);
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
    return out as BlockHtml[];
  }

  clear(): void {
    this.#entries.clear();
  }
}

function blockKey(doc: ParsedDocument, block: Block, ids: ReadonlyMap<Token, string>): string {
  const headings: string[] = [];
  const visit = (list: readonly Token[]): void => {
    for (const t of list) {
      if (t.type === 'heading') headings.push(ids.get(t) ?? '');
      else if (t.type === 'blockquote') visit((t as Tokens.Blockquote).tokens);
      else if (t.type === 'list') for (const item of (t as Tokens.List).items) visit(item.tokens);
    }
  };
  visit(tokensOfBlock(doc, block));
  const first = block.formulaIndices[0] ?? -1;
  return `${block.startLine}:${first}:${headings.join('\u0000')}:${doc.text.slice(block.startOffset, block.endOffset)}`;
}
