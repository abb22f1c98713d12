import type { Token } from 'marked';
import { HtmlSanitizer } from './htmlSanitizer';
import type { SourceLineField } from './mathToken';
import type { ParsedDocument } from './parsedDocument';
import { sourceLinesOf, type SourceLines } from './sourceLines';
import { lineSpan } from './sourcePositions';

/** A top-level block for incremental rendering. Lines are 0-based, `endLine` exclusive; offsets index `ParsedDocument.text`, `endOffset` exclusive. */
export interface Block {
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  formulaIndices: number[];
  /** The block's top-level tokens are `doc.tokens.slice(tokenStart, tokenEnd)`. */
  tokenStart: number;
  tokenEnd: number;
}

/**
 * Splits the document into top-level blocks whose HTML is balanced on its own: raw HTML that
 * stays open across Markdown blocks (`<details>` … paragraphs … `</details>`) makes one block of
 * everything up to its close, so that each block can be rendered and patched separately.
 */
export function topLevelBlocks(doc: ParsedDocument): Block[] {
  const lines = sourceLinesOf(doc);
  const html = new HtmlSanitizer();
  const blocks: Block[] = [];
  let first: Token | undefined;
  let firstIndex = 0;
  let lastIndex = -1;
  doc.tokens.forEach((token, i) => {
    if (token.type === 'space') return;
    if (!first) {
      first = token;
      firstIndex = i;
    }
    lastIndex = i;
    if (token.type === 'html') {
      for (const piece of (token as { tokens?: Token[] }).tokens ?? [token])
        if (piece.type === 'html') html.sanitize((piece as { text: string }).text);
    }
    if (html.depth === 0) {
      blocks.push(block(lines, first, token, firstIndex, i + 1));
      first = undefined;
    }
  });
  if (first) blocks.push(block(lines, first, doc.tokens[lastIndex]!, firstIndex, lastIndex + 1));
  let b = 0;
  doc.formulas.forEach((f, i) => {
    while (b < blocks.length && f.offset >= blocks[b]!.endOffset) b++;
    if (b < blocks.length && f.offset >= blocks[b]!.startOffset) blocks[b]!.formulaIndices.push(i);
  });
  return blocks;
}

/** The top-level tokens of a block (as returned by `topLevelBlocks`). */
export function tokensOfBlock(doc: ParsedDocument, block: Block): Token[] {
  return doc.tokens.slice(block.tokenStart, block.tokenEnd).filter((t) => t.type !== 'space');
}

function block(lines: SourceLines, first: Token, last: Token, tokenStart: number, tokenEnd: number): Block {
  const startLine = (first as SourceLineField).sourceLine ?? 0;
  const endLine = Math.max(startLine + 1, ((last as SourceLineField).sourceLine ?? startLine) + lineSpan(last.raw));
  const lastLine = Math.min(endLine, lines.lineCount) - 1;
  const startOffset = lines.originalLineStart(startLine);
  const endOffset = lines.toOriginal(lines.lineEnd(lastLine));
  return { startLine, endLine, startOffset, endOffset, formulaIndices: [], tokenStart, tokenEnd };
}
