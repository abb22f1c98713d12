import type { Token, Tokens } from 'marked';
import { partitionPoint } from '../../shared/binarySearch';
import type { Formula } from '../types';
import { isMathToken, type MathToken, type SourceLineField } from './mathToken';
import type { SourceTableCell } from './mathTable';
import { LineTable } from './lineTable';
import type { SourceLines } from './sourceLines';

/**
 * A run of text Marked lexed (paragraph text, heading text, a cell, a math block's raw) and where
 * its first character sits in the document. Marked only strips prefixes (`> `, list indentation)
 * and leading/trailing whitespace from lines, so every later line is found at the end of its
 * document line (`alignColumn`).
 */
interface TextBase {
  readonly text: string;
  /** 0-based document line of `text`'s first line. */
  readonly line: number;
  /** Column of `text[0]` in that line. */
  readonly column: number;
  /** For table cells: offsets in `text` before which a `\` was removed. */
  readonly deletions?: readonly number[];
  lines?: LineTable;
}

interface Found {
  token: MathToken;
  start: number;
  texStart: number;
  end: number;
}

/**
 * Walks Marked's tokens once: sets `sourceLine` on block tokens and list items, and returns the
 * formulas in document order with exact positions, setting `formulaIndex` on each math token.
 */
export function locateFormulas(tokens: Token[], lines: SourceLines): Formula[] {
  return locateIn(tokens, lines, 0, 0);
}

/** Where a spliced token list came from: see `relocateFormulas`. */
export interface TokenSplice {
  /** The formulas of the previous document (positions in its text). */
  previous: readonly Formula[];
  /** Tokens kept as they were at the start, and the offset where they end (same in both texts). */
  headTokens: number;
  headEnd: number;
  /** Tokens lexed anew after the head; every later token is kept from the previous document. */
  regionTokens: number;
  /** Where the kept tail started in the previous text, and how far it moved (characters, lines). */
  tailStartBefore: number;
  delta: number;
  lineDelta: number;
}

/**
 * `locateFormulas` for a token list spliced from an earlier parse (`reparseMarkdown`): the head
 * keeps its positions, only the re-lexed region is walked, and the tail's positions are shifted.
 * Only for text without CR, where original and normalised offsets agree.
 */
export function relocateFormulas(tokens: Token[], lines: SourceLines, splice: TokenSplice): Formula[] {
  const { previous, headTokens, headEnd, regionTokens, tailStartBefore, delta, lineDelta } = splice;
  const headCount = countBefore(previous, headEnd);
  const tailFirst = countBefore(previous, tailStartBefore);
  const region = locateIn(tokens.slice(headTokens, headTokens + regionTokens), lines, headEnd, headCount);
  const indexDelta = headCount + region.length - tailFirst;
  const tail =
    delta === 0 && lineDelta === 0
      ? previous.slice(tailFirst)
      : previous.slice(tailFirst).map((f) => ({
          ...f,
          line: f.line + lineDelta,
          offset: f.offset + delta,
          texOffset: f.texOffset + delta,
          endOffset: f.endOffset + delta,
        }));
  if (delta !== 0 || lineDelta !== 0 || indexDelta !== 0) {
    for (let i = headTokens + regionTokens; i < tokens.length; i++) shiftToken(tokens[i]!, delta, lineDelta, indexDelta);
  }
  return [...previous.slice(0, headCount), ...region, ...tail];
}

function locateIn(tokens: Token[], lines: SourceLines, startOffset: number, indexBase: number): Formula[] {
  const walker = new PositionWalker(lines);
  walker.topLevel(tokens, startOffset);
  const found = walker.found.sort((a, b) => a.start - b.start);
  return found.map((f, i) => {
    const offset = lines.toOriginal(f.start);
    const texOffset = lines.toOriginal(f.texStart);
    const endOffset = lines.toOriginal(f.end);
    Object.assign(f.token, { formulaIndex: indexBase + i, offset, texOffset, endOffset });
    return {
      ...lines.position(offset),
      offset,
      tex: f.token.tex,
      display: f.token.display,
      delimiter: f.token.delimiter,
      texOffset,
      endOffset,
      ...(f.token.label !== undefined ? { label: f.token.label } : {}),
    };
  });
}

/** Number of formulas (sorted by offset) that start before `offset`. */
function countBefore(formulas: readonly Formula[], offset: number): number {
  return partitionPoint(formulas, (f) => f.offset < offset);
}

/** Moves a kept token and everything in it by `delta` characters and `lineDelta` lines. */
function shiftToken(token: Token, delta: number, lineDelta: number, indexDelta: number): void {
  const t = token as Token & SourceLineField & Partial<MathToken>;
  if (t.sourceLine !== undefined) t.sourceLine += lineDelta;
  if (isMathToken(token)) {
    const m = token;
    m.formulaIndex += indexDelta;
    if (m.offset !== undefined) m.offset += delta;
    if (m.texOffset !== undefined) m.texOffset += delta;
    if (m.endOffset !== undefined) m.endOffset += delta;
    return;
  }
  const children = (list: readonly Token[] | undefined): void => {
    if (list) for (const c of list) shiftToken(c, delta, lineDelta, indexDelta);
  };
  if ('tokens' in token) children(token.tokens);
  switch (token.type) {
    case 'list':
      for (const item of (token as Tokens.List).items) shiftToken(item, delta, lineDelta, indexDelta);
      break;
    case 'table': {
      const table = token as Tokens.Table;
      for (const cell of table.header) children(cell.tokens);
      for (const row of table.rows) for (const cell of row) children(cell.tokens);
      break;
    }
  }
}

/** Number of source lines a raw string spans (trailing newlines do not count). */
export function lineSpan(raw: string): number {
  let n = 1;
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 10) end--;
  for (let i = raw.indexOf('\n'); i >= 0 && i < end; i = raw.indexOf('\n', i + 1)) n++;
  return n;
}

class PositionWalker {
  readonly found: Found[] = [];
  readonly #lines: SourceLines;

  constructor(lines: SourceLines) {
    this.#lines = lines;
  }

  topLevel(tokens: Token[], startOffset: number): void {
    let offset = startOffset;
    for (const token of tokens) {
      if (token.type !== 'space') {
        const line = this.#findLine(token.raw, this.#lines.lineOf(offset), this.#lines.lineCount);
        this.#block(token, line);
      }
      offset += token.raw.length;
    }
  }

  #children(tokens: Token[], first: number, end: number): void {
    let cursor = first;
    for (const token of tokens) {
      if (token.type === 'space' || token.type === 'checkbox') continue;
      const line = this.#findLine(token.raw, cursor, end);
      this.#block(token, line);
      cursor = line + lineSpan(token.raw);
    }
  }

  #block(token: Token, line: number): void {
    (token as SourceLineField).sourceLine = line;
    const lines = this.#lines;
    switch (token.type) {
      case 'math':
        this.#math(token as MathToken, this.#base(token.raw, line));
        return;
      case 'paragraph':
      case 'text':
        if (token.tokens) this.#inline(token.tokens, this.#base((token as Tokens.Text).text, line), 0);
        return;
      case 'heading':
        this.#inline(token.tokens!, this.#headingBase(token as Tokens.Heading, line), 0);
        return;
      case 'blockquote':
      case 'footnoteDef':
      case 'mystDirective':
        this.#children(token.tokens!, line, line + lineSpan(token.raw));
        return;
      case 'list': {
        let cursor = line;
        const end = line + lineSpan(token.raw);
        for (const item of (token as Tokens.List).items) {
          const itemLine = this.#findLine(item.raw, cursor, end);
          (item as SourceLineField).sourceLine = itemLine;
          this.#children(item.tokens, itemLine, itemLine + lineSpan(item.raw));
          cursor = itemLine + lineSpan(item.raw);
        }
        return;
      }
      case 'table': {
        const table = token as Tokens.Table;
        const rawLines = table.raw.split('\n');
        for (const cell of [...table.header, ...table.rows.flat()] as SourceTableCell[]) {
          const origin = cell.origin;
          if (!origin) continue;
          const docLine = line + origin.line;
          const column = alignColumn(lines.lineText(docLine), rawLines[origin.line] ?? '') + origin.start;
          this.#inline(cell.tokens, { text: cell.text, line: docLine, column, deletions: origin.deletions }, 0);
        }
        return;
      }
      default:
        if ('tokens' in token && token.tokens) this.#inline(token.tokens, this.#base(token.raw, line), 0);
    }
  }

  #inline(tokens: Token[], base: TextBase, offset: number): void {
    let at = offset;
    for (const token of tokens) {
      if (isMathToken(token)) this.#math(token, base, at);
      else if ('tokens' in token && token.tokens) this.#inline(token.tokens, base, at + innerOffset(token));
      at += token.raw.length;
    }
  }

  #math(token: MathToken, base: TextBase, at = 0): void {
    this.found.push({
      token,
      start: this.#map(base, at + token.startInRaw),
      texStart: this.#map(base, at + token.texStartInRaw),
      end: this.#map(base, at + token.endInRaw),
    });
  }

  /** A base whose first line is a whole line of its container. */
  #base(text: string, line: number): TextBase {
    return { text, line, column: alignColumn(this.#lines.lineText(line), firstLine(text)) };
  }

  #headingBase(token: Tokens.Heading, line: number): TextBase {
    const rawLine = firstLine(token.raw);
    const hashes = /^ {0,3}#{1,6}/.exec(rawLine);
    const index = token.raw.indexOf(token.text, hashes ? hashes[0].length : 0);
    return { text: token.text, line, column: alignColumn(this.#lines.lineText(line), rawLine) + Math.max(0, index) };
  }

  /** Normalised document offset of `offset` in a base's text. */
  #map(base: TextBase, offset: number): number {
    const lines = this.#lines;
    let at = offset;
    if (base.deletions) for (const d of base.deletions) if (d <= offset) at++;
    const own = (base.lines ??= new LineTable(base.text));
    const j = own.lineOf(offset);
    const docLine = Math.min(base.line + j, lines.lineCount - 1);
    const lineText = lines.lineText(docLine);
    const column = j === 0 ? base.column : alignColumn(lineText, own.lineText(j));
    const inLine = j === 0 ? at : offset - own.starts[j]!;
    return lines.lineStart(docLine) + Math.min(Math.max(0, column + inLine), lineText.length);
  }

  /**
   * The document line where a child token starts, searching from `cursor`: the first non-blank
   * line that ends with the token's first line (Marked removed only a prefix). Up to three
   * candidates are tried (a list item's marker line may hold nothing else).
   */
  #findLine(raw: string, cursor: number, end: number): number {
    const needle = firstLine(raw).trim();
    let fallback = -1;
    let tried = 0;
    for (let line = cursor; line < Math.min(end, this.#lines.lineCount) && tried < 3; line++) {
      const text = this.#lines.lineText(line).trimEnd();
      if (!text.trim()) continue;
      if (fallback < 0) fallback = line;
      if (!needle || text.endsWith(needle)) return line;
      tried++;
    }
    return fallback >= 0 ? fallback : Math.min(cursor, this.#lines.lineCount - 1);
  }
}

/** Offset of a token's child text inside its raw: `**x**` → 2, `[x](y)` → 1, `![x](y)` → 2. */
function innerOffset(token: Token): number {
  switch (token.type) {
    case 'em':
    case 'strong':
    case 'del':
      return (token.raw.length - (token as Tokens.Em).text.length) >> 1;
    case 'link':
      return 1;
    case 'image':
      return 2;
    default:
      return 0;
  }
}

/** Column in `docLine` where `textLine` (the same line with a prefix removed or trimmed) begins. */
function alignColumn(docLine: string, textLine: string): number {
  const trimmed = textLine.trimStart();
  const lead = textLine.length - trimmed.length;
  if (!trimmed) return Math.max(0, docLine.length - textLine.length);
  let at = docLine.lastIndexOf(trimmed);
  if (at < 0) {
    const core = trimmed.trimEnd();
    at = core ? docLine.lastIndexOf(core) : -1;
  }
  if (at < 0) at = Math.max(0, docLine.length - trimmed.length);
  return at - lead;
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline < 0 ? text : text.slice(0, newline);
}
