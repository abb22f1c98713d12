import { Lexer, type Token, type TokenizerExtension, type Tokens } from 'marked';
import { locate, type LexContext } from './mathLexer';

/** `[^label]: text`, with indented continuation lines and paragraphs (GFM footnote definition). */
export interface FootnoteDefToken extends Tokens.Generic {
  type: 'footnoteDef';
  raw: string;
  /** As written. */
  label: string;
  /** The label as references match it. */
  key: string;
  tokens: Token[];
}

/** `[^label]` where a definition of `label` exists somewhere in the document. */
export interface FootnoteRefToken extends Tokens.Generic {
  type: 'footnoteRef';
  raw: string;
  key: string;
}

/** The label forms of cmark-gfm: no blanks and no `]` inside. */
const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*/;
const REFERENCE = /^\[\^([^\]\s]+)\]/;
/** A line indented enough to continue a definition, and the indentation to remove. */
const CONTINUATION = /^(?: {4}| {0,3}\t)/;
const INLINE = Lexer.rules.inline.gfm;

export function footnoteKey(label: string): string {
  return label.toLowerCase();
}

/**
 * The labels defined in the document being lexed, by the token list the lexer fills: Marked
 * lexes every block before any inline text, so references anywhere see every definition.
 */
const definedLabels = new WeakMap<object, Set<string>>();

export function footnoteLabels(tokens: object): Set<string> {
  let labels = definedLabels.get(tokens);
  if (!labels) definedLabels.set(tokens, (labels = new Set()));
  return labels;
}

/** Lets a lexer of part of a document see the definitions of the whole (see `reparseMarkdown`). */
export function shareFootnoteLabels(from: object, to: object): void {
  definedLabels.set(to, new Set(footnoteLabels(from)));
}

/**
 * Footnote definitions. The text after the label, indented lines after it (blank lines between
 * them included) and lazy continuation lines of its paragraph make up the definition; its blocks
 * are lexed by the same lexer as the rest, math extensions included.
 */
export const footnoteDefExtension: TokenizerExtension = {
  name: 'footnoteDef',
  level: 'block',
  start(src) {
    // A definition interrupts a paragraph: the paragraph must stop at the next line that starts one.
    // Marked asks again for every paragraph (and every line of a tight list item): the answer is
    // kept per string being lexed, so that each stretch of text is searched once.
    const at = locate(this.lexer, src, 'block');
    let memo = at.context && nextDefinition.get(at.context);
    if (!memo || at.pos < memo.from || at.pos >= memo.next) {
      memo = { from: at.pos, next: nextDefinitionLine(at.text, at.pos) };
      if (at.context) nextDefinition.set(at.context, memo);
    }
    return memo.next < at.text.length ? memo.next - at.pos : undefined;
  },
  tokenizer(src) {
    const m = DEFINITION.exec(src);
    if (!m) return undefined;
    const firstEnd = lineEnd(src, m[0].length);
    const content = [src.slice(m[0].length, firstEnd)];
    let consumed = Math.min(src.length, firstEnd + 1);
    let blanks = 0;
    for (let at = consumed; at < src.length;) {
      const end = lineEnd(src, at);
      const line = src.slice(at, end);
      const next = Math.min(src.length, end + 1);
      const indent = CONTINUATION.exec(line);
      if (!line.trim()) {
        blanks++;
      } else if (indent) {
        content.push(...Array<string>(blanks).fill(''), line.slice(indent[0].length));
        blanks = 0;
        consumed = next;
      } else if (blanks === 0 && content.at(-1)!.trim() && continuesParagraph(line)) {
        content.push(line);
        consumed = next;
      } else {
        break;
      }
      at = next;
    }
    const lexer = this.lexer;
    const key = footnoteKey(m[1]!);
    footnoteLabels(lexer.tokens).add(key);
    const top = lexer.state.top;
    lexer.state.top = true;
    try {
      const tokens = lexer.blockTokens(content.join('\n'), []);
      return { type: 'footnoteDef', raw: src.slice(0, consumed), label: m[1]!, key, tokens } satisfies FootnoteDefToken;
    } finally {
      lexer.state.top = top;
    }
  },
};

/**
 * Footnote references to defined labels. As on GitHub, an inline link or a defined reference
 * link written from the same brackets (`[^1](url)`, `[^1][ref]`) is a link instead.
 */
export const footnoteRefExtension: TokenizerExtension = {
  name: 'footnoteRef',
  level: 'inline',
  tokenizer(src) {
    const m = REFERENCE.exec(src);
    if (!m || this.lexer.state.inLink) return undefined;
    const key = footnoteKey(m[1]!);
    if (!footnoteLabels(this.lexer.tokens).has(key)) return undefined;
    if (INLINE.link.test(src)) return undefined;
    const reflink = INLINE.reflink.exec(src);
    if (reflink && Object.hasOwn(this.lexer.tokens.links, reflink[2]!.replace(/\s+/g, ' ').toLowerCase())) return undefined;
    return { type: 'footnoteRef', raw: m[0], key } satisfies FootnoteRefToken;
  },
};

/** Per string being lexed: the first definition line after `from` (the string's length if none). */
const nextDefinition = new WeakMap<LexContext, { from: number; next: number }>();
const DEFINITION_LINE = /\n {0,3}\[\^[^\]\s]+\]:/g;

function nextDefinitionLine(text: string, from: number): number {
  DEFINITION_LINE.lastIndex = from;
  const m = DEFINITION_LINE.exec(text);
  return m ? m.index + 1 : text.length;
}

function lineEnd(src: string, from: number): number {
  const nl = src.indexOf('\n', from);
  return nl < 0 ? src.length : nl;
}

/** Whether `line` right after a paragraph line continues the paragraph (starts no block of its own). */
function continuesParagraph(line: string): boolean {
  if (DEFINITION.test(line)) return false;
  const probe = `x\n${line}`;
  return Lexer.rules.block.gfm.paragraph.exec(probe)?.[0] === probe;
}
