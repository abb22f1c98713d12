import type { Token, Tokens, TokensList } from 'marked';
import { lowerBound, upperBound } from '../../shared/binarySearch';
import { scanOptionsKey } from '../scanner/scanner';
import type { MathOptions } from '../types';
import { documentScanOptions } from './documentScanOptions';
import { shareFootnoteLabels } from './footnoteExtensions';
import { lexingMarked } from './lexingMarked';
import { MathLexer } from './mathLexer';
import { parseMarkdown } from './parseMarkdown';
import type { ParsedDocument } from './parsedDocument';
import { rememberLines, sourceLinesOf, type SourceLines } from './sourceLines';
import { relocateFormulas, type TokenSplice } from './sourcePositions';

const optionsOf = new WeakMap<ParsedDocument, string>();

/** Attempts at re-synchronising with the previous tokens before giving up and lexing everything. */
const ATTEMPTS = 4;

/**
 * Parses `text` like `parseMarkdown`, reusing the top-level tokens of `previous` outside the edited
 * region: only the tokens around the change are lexed again, and the result is accepted only where
 * the new lexing meets the old tokens exactly (same raw text, same type), so an edit that reaches
 * further (an opened fence, a removed blank line) widens the region, down to a full parse.
 * `previous` must not be used afterwards: its reused tokens get the new positions.
 */
export function reparseMarkdown(previous: ParsedDocument | undefined, text: string, math?: Partial<MathOptions>): ParsedDocument {
  const options = documentScanOptions(text, math);
  const key = scanOptionsKey(options);
  const doc = (previous && optionsOf.get(previous) === key && splice(previous, text, math)) || parseMarkdown(text, math);
  optionsOf.set(doc, key);
  return doc;
}

function splice(previous: ParsedDocument, text: string, math?: Partial<MathOptions>): ParsedDocument | undefined {
  const old = previous.text;
  const oldLines = sourceLinesOf(previous);
  if (oldLines.normalized !== old) return undefined;
  if (old === text) return previous;
  const tokens = previous.tokens;
  const starts = tokenStarts(tokens);
  if (starts[tokens.length] !== old.length || tokens.length < 4) return undefined;

  const p = commonPrefix(old, text);
  const q = commonSuffix(old, text, Math.min(old.length, text.length) - p);
  // Only the changed text can hold a CR that the previous text did not.
  if (text.slice(p, text.length - q).includes('\r')) return undefined;
  const delta = text.length - old.length;

  // One whole non-space token before the change, so that a paragraph it may join is lexed again.
  let first = Math.max(0, upperBound(starts, p, 0, tokens.length) - 1);
  first = stepBack(tokens, first);
  const regionStart = starts[first]!;
  // The first token lying wholly in the unchanged tail (`tokens.length` when none): lexing must meet the old tokens there.
  let meet = lowerBound(starts, old.length - q, 0, tokens.length);
  if (tokens.slice(first, meet).some(holdsDefinition)) return undefined;

  const lines = oldLines.splice(text, p, old.length - q, text.length - q);
  const lexer = () => {
    // The region's references resolve against the definitions of the whole document.
    const l = new MathLexer(lexingMarked(documentScanOptions(text, math)).defaults);
    Object.assign(l.tokens.links, tokens.links);
    shareFootnoteLabels(tokens, l.tokens);
    return l;
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const check = stepForward(tokens, meet, 1 << attempt);
    const regionEndOld = starts[check]!;
    const region = lexer().lex(text.slice(regionStart, regionEndOld + delta));
    if (region.some(holdsDefinition)) return undefined;
    if (regionStart > 0 && region[0]?.type === 'frontMatter') return undefined;
    const spliceOf = (regionTokens: number, tailStart: number): TokenSplice => ({
      previous: previous.formulas,
      headTokens: first,
      headEnd: regionStart,
      regionTokens,
      tailStartBefore: tailStart,
      delta,
      lineDelta: lineDelta(old, text, p, q),
    });
    if (check === tokens.length)
      return assemble(text, lines, [...tokens.slice(0, first), ...region], previous.tokens, spliceOf(region.length, old.length));
    const overlap = check - meet;
    const head = region.length - overlap;
    if (
      head >= 0 &&
      sameTokens(region.slice(head), tokens.slice(meet, check)) &&
      rawLength(region, head) === starts[meet]! + delta - regionStart
    ) {
      return assemble(
        text,
        lines,
        [...tokens.slice(0, first), ...region.slice(0, head), ...tokens.slice(meet)],
        previous.tokens,
        spliceOf(head, starts[meet]!),
      );
    }
    meet = check;
  }
  return undefined;
}

function assemble(text: string, lines: SourceLines, list: Token[], previous: TokensList, splice: TokenSplice): ParsedDocument {
  const tokens = Object.assign(list, { links: previous.links }) as TokensList;
  shareFootnoteLabels(previous, tokens);
  const formulas = relocateFormulas(tokens, lines, splice);
  return rememberLines({ text, tokens, formulas, lineCount: lines.lineCount }, lines);
}

/**
 * Whether a block token is or holds a link or footnote definition: adding or removing one changes
 * what references mean anywhere in the document, so the whole document is lexed again.
 */
function holdsDefinition(token: Token): boolean {
  if (token.type === 'def' || token.type === 'footnoteDef') return true;
  if (!token.raw.includes(']:')) return false;
  if (token.type === 'list') return (token as Tokens.List).items.some((item) => item.tokens.some(holdsDefinition));
  return 'tokens' in token && Array.isArray(token.tokens) && (token.tokens as Token[]).some(holdsDefinition);
}

/** Lines added by replacing `old[p, old.length - q)` with `text[p, text.length - q)`. */
function lineDelta(old: string, text: string, p: number, q: number): number {
  return newlines(text, p, text.length - q) - newlines(old, p, old.length - q);
}

function newlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Characters compared at once (as strings, natively) before the first difference is looked for one by one. */
const CHUNK = 256;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= n && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let q = 0;
  while (q + CHUNK <= limit && a.slice(a.length - q - CHUNK, a.length - q) === b.slice(b.length - q - CHUNK, b.length - q)) q += CHUNK;
  while (q < limit && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return q;
}

function tokenStarts(tokens: readonly Token[]): number[] {
  const starts = [0];
  for (const t of tokens) starts.push(starts.at(-1)! + t.raw.length);
  return starts;
}

function stepBack(tokens: readonly Token[], index: number): number {
  let i = index;
  while (i > 0 && tokens[i]!.type === 'space') i--;
  if (i > 0) i--;
  while (i > 0 && tokens[i]!.type === 'space') i--;
  return i;
}

/** The index just after `count` non-space tokens from `index` (and the space tokens after them). */
function stepForward(tokens: readonly Token[], index: number, count: number): number {
  let i = index;
  for (let seen = 0; i < tokens.length && seen < count; i++) if (tokens[i]!.type !== 'space') seen++;
  while (i < tokens.length && tokens[i]!.type === 'space') i++;
  return i;
}

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((t, i) => t.type === b[i]!.type && t.raw === b[i]!.raw);
}

function rawLength(tokens: readonly Token[], count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) n += tokens[i]!.raw.length;
  return n;
}
