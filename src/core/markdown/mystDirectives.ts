// MyST's block syntax around the math (docs/math-syntax.md, "MyST"): directives whose body is
// Markdown (admonitions, `prf:` theorems, exercises, figures' captions…), so that their math is
// math, and `(label)=` targets. Only in the Marked instance made for `ScanOptions.myst`.
import type { Token, TokenizerExtension } from 'marked';
import { matchDirective } from '../scanner/scannerMyst';

/** A directive whose body was lexed as Markdown. */
export interface MystDirectiveToken {
  type: 'mystDirective';
  raw: string;
  name: string;
  argument: string;
  options: Readonly<Record<string, string>>;
  tokens: Token[];
}

/** A `(label)=` target line: an anchor for references to the section or block after it. */
export interface MystTargetToken {
  type: 'mystTarget';
  raw: string;
  label: string;
}

/**
 * Directives whose body is not Markdown: code, raw output, file inclusions, tables of contents and
 * index entries. A backtick or tilde fence of these stays the code block it is in CommonMark; a
 * colon fence becomes one. (`math` is display math: see scannerBlock.)
 */
const VERBATIM = new Set([
  'code',
  'code-block',
  'sourcecode',
  'code-cell',
  'literalinclude',
  'include',
  'raw',
  'eval-rst',
  'eval-md',
  'csv-table',
  'mermaid',
  'graphviz',
  'index',
  'toctree',
  'tableofcontents',
  'contents',
  'bibliography',
  'glue',
  'glue:any',
  'glue:figure',
  'glue:math',
  'iframe',
  'embed',
]);

const FENCE_START = /^ {0,3}(?=[`~:]{3})/;
const TARGET = /^ {0,3}\(([A-Za-z0-9|@<>*./_\-+:]{1,100})\)=[ \t]*(?:\n|$)/;
/** A later line where a paragraph must stop: a colon fence or a target (backtick fences stop paragraphs already). */
const INTERRUPTION = /\n {0,3}(?::{3,}\{|\([A-Za-z0-9|@<>*./_\-+:]{1,100}\)=[ \t]*(?:\n|$))/;

export const mystDirectiveExtension: TokenizerExtension = {
  name: 'mystDirective',
  level: 'block',
  start(src) {
    const at = INTERRUPTION.exec(src);
    return at ? at.index + 1 : undefined;
  },
  tokenizer(src) {
    const indent = FENCE_START.exec(src);
    if (!indent) return undefined;
    const d = matchDirective(src, indent[0].length);
    if (!d || d.name === 'math') return undefined;
    const raw = src.slice(0, d.blockEnd);
    const body = src.slice(d.bodyStart, d.bodyEnd);
    if (VERBATIM.has(d.name)) {
      if (src.charCodeAt(indent[0].length) !== 58) return undefined;
      return { type: 'code', raw, lang: `{${d.name}}`, text: body };
    }
    // Marked's own containers lex their content the same way (blockquote, list item).
    const tokens = this.lexer.blockTokens(body, []);
    return { type: 'mystDirective', raw, name: d.name, argument: d.argument, options: d.options, tokens };
  },
};

export const mystTargetExtension: TokenizerExtension = {
  name: 'mystTarget',
  level: 'block',
  tokenizer(src) {
    const m = TARGET.exec(src);
    return m ? { type: 'mystTarget', raw: m[0], label: m[1]! } : undefined;
  },
};
