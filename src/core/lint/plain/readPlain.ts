import { Marked, type Token, type Tokens } from 'marked';
import { lastIndexWhere, partitionPoint } from '../../../shared/binarySearch';
import { footnoteDefExtension, footnoteRefExtension, shareFootnoteLabels, type FootnoteDefToken } from '../../markdown/footnoteExtensions';
import { MathLexer } from '../../markdown/mathLexer';
import { alignRaw, type RawAlignment } from './alignRaw';
import { entityRefs } from './entityRefs';
import { inlineMarks } from './inlineMarks';
import type { PlainMark } from './plainMark';
import { tableMarks } from './tableMarks';

/** A block whose text a plain renderer keeps together: inline content, raw HTML or code. */
export interface PlainBlock {
  kind: 'inline' | 'html' | 'code';
  /** Document offsets: first and just past the last character of the block's content. */
  start: number;
  end: number;
}

/** How a CommonMark (or GFM) renderer that knows no math reads a document. */
export interface PlainReading {
  /** Sorted by offset; document offsets. */
  marks: PlainMark[];
  /** Sorted by start; blocks never overlap. */
  blocks: PlainBlock[];
  /** The block holding `offset`, if any. */
  blockAt(offset: number): PlainBlock | undefined;
  /** Marks inside [from, to). */
  marksIn(from: number, to: number): PlainMark[];
  /** The opening backticks of a code span whose content holds all of [from, to), if any. */
  codeSpanAround(from: number, to: number): PlainMark | undefined;
}

/** GitHub reads footnotes (cmark-gfm's extension): their definitions hold paragraphs, not indented code. */
const LEXERS = {
  gfm: new Marked({ gfm: true, extensions: [footnoteDefExtension, footnoteRefExtension] }),
  commonmark: new Marked({ gfm: false }),
};

/**
 * Lexes the document with Marked and no extensions (`gfm` on or off) and maps every token back to
 * document offsets, so that rules can ask what happens to the characters of a formula. `text`
 * must use `\n` line endings.
 */
export function readPlain(text: string, flavour: 'gfm' | 'commonmark'): PlainReading {
  const marks: PlainMark[] = [];
  const blocks: PlainBlock[] = [];
  const options = LEXERS[flavour].defaults;
  // MathLexer only for the strings it tracks, which the footnote extension searches once each.
  const tokens = new MathLexer(options).lex(text);
  const lexInline = (src: string): Token[] => {
    const lexer = new MathLexer(options);
    shareFootnoteLabels(tokens, lexer.tokens);
    return lexer.inlineTokens(src);
  };
  walkBlocks(tokens, text, 0, text.length, { marks, blocks, lexInline });
  marks.sort((a, b) => a.offset - b.offset);
  blocks.sort((a, b) => a.start - b.start);
  let longest = -1;
  let spans: PlainMark[] | undefined;
  return {
    marks,
    blocks,
    blockAt(offset) {
      // The blocks never overlap, so their ends are sorted too.
      const block = blocks[partitionPoint(blocks, (b) => b.end <= offset)];
      return block && block.start <= offset ? block : undefined;
    },
    marksIn(from, to) {
      if (longest < 0) longest = marks.reduce((n, m) => Math.max(n, m.endOffset - m.offset), 0);
      const out: PlainMark[] = [];
      for (let i = partitionPoint(marks, (m) => m.offset < from - longest); i < marks.length && marks[i].offset < to; i++) {
        if (marks[i].endOffset > from) out.push(marks[i]);
      }
      return out;
    },
    codeSpanAround(from, to) {
      spans ??= marks.filter((m) => m.kind === 'code' && m.partner !== undefined && m.partner > m.offset);
      // Code span openers never overlap, so their ends are sorted as their offsets are.
      const best = spans[lastIndexWhere(spans, (s) => s.endOffset <= from)];
      return best && best.partner! >= to ? best : undefined;
    },
  };
}

/** What the walk collects, and how it lexes a table cell that Marked split differently from GitHub. */
interface Walk {
  marks: PlainMark[];
  blocks: PlainBlock[];
  lexInline: (src: string) => Token[];
}

function walkBlocks(tokens: readonly Token[], doc: string, from: number, to: number, walk: Walk): void {
  let cursor = from;
  for (const t of tokens) {
    if (t.type === 'space' || !t.raw.trim()) continue;
    const align = alignRaw(doc, t.raw, cursor, to);
    if (!align) continue;
    cursor = align.end;
    visit(t, doc, align, walk);
  }
}

function visit(t: Token, doc: string, align: RawAlignment, walk: Walk): void {
  const { marks, blocks } = walk;
  switch (t.type) {
    case 'paragraph':
    case 'heading':
    case 'text': {
      const inline = t as Tokens.Paragraph | Tokens.Heading | Tokens.Text;
      if (!inline.tokens) {
        blocks.push({ kind: 'inline', start: align.start, end: align.end });
        break;
      }
      const base = t.type === 'heading' ? t.raw.indexOf(inline.text) : t.raw.startsWith(inline.text) ? 0 : -1;
      if (base < 0) break;
      blocks.push({ kind: 'inline', start: align.toDocument(base), end: align.toDocument(base + inline.text.length - 1) + 1 });
      for (const m of inlineMarks(inline.tokens, inline.text)) {
        const mapped: PlainMark = {
          kind: m.kind,
          offset: align.toDocument(base + m.offset),
          endOffset: align.toDocument(base + m.endOffset - 1) + 1,
        };
        if (m.partner !== undefined) mapped.partner = align.toDocument(base + m.partner);
        marks.push(mapped);
      }
      break;
    }
    case 'table':
      blocks.push({ kind: 'inline', start: align.start, end: align.end });
      marks.push(...tableMarks(doc, t as Tokens.Table, align, walk.lexInline));
      break;
    case 'html': {
      blocks.push({ kind: 'html', start: align.start, end: align.end });
      for (const m of t.raw.matchAll(/<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g)) {
        marks.push({ kind: 'html', offset: align.toDocument(m.index), endOffset: align.toDocument(m.index + m[0].length - 1) + 1 });
      }
      for (const [s, e] of entityRefs(t.raw))
        marks.push({ kind: 'entity', offset: align.toDocument(s), endOffset: align.toDocument(e - 1) + 1 });
      break;
    }
    case 'code':
      blocks.push({ kind: 'code', start: align.start, end: align.end });
      break;
    case 'blockquote':
    case 'footnoteDef':
      walkBlocks((t as Tokens.Blockquote | FootnoteDefToken).tokens, doc, align.start, align.end, walk);
      break;
    case 'list':
      walkBlocks((t as Tokens.List).items, doc, align.start, align.end, walk);
      break;
    case 'list_item':
      walkBlocks((t as Tokens.ListItem).tokens, doc, align.start, align.end, walk);
      break;
  }
}
