import type { MathOptions } from '../types';
import { documentScanOptions } from './documentScanOptions';
import { lexingMarked } from './lexingMarked';
import { MathLexer } from './mathLexer';
import type { ParsedDocument } from './parsedDocument';
import { rememberLines, SourceLines } from './sourceLines';
import { locateFormulas } from './sourcePositions';

/** Lexes Markdown with the math extensions and finds every formula with its source position. */
export function parseMarkdown(text: string, math?: Partial<MathOptions>): ParsedDocument {
  const options = documentScanOptions(text, math);
  const lines = new SourceLines(text);
  const tokens = new MathLexer(lexingMarked(options).defaults).lex(lines.normalized);
  const formulas = locateFormulas(tokens, lines);
  return rememberLines({ text, tokens, formulas, lineCount: lines.lineCount }, lines);
}
