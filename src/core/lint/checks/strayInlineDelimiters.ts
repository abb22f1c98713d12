import { isEscaped, proseMask } from './proseMask';
import type { LintContext } from '../types';

export type StrayDollar =
  | { kind: 'unclosed'; offset: number; opener: string }
  | { kind: 'spaced'; open: number; close: number }
  | { kind: 'digit-after'; open: number; close: number };

/**
 * Inline `$` and `\(` in prose that did not become math, paragraph by paragraph, with the reason:
 * an opener with no closer, `$ x $` with space inside, or `$x$2` with a digit after the closer.
 */
export function strayInlineDelimiters(ctx: LintContext): StrayDollar[] {
  const { text } = ctx;
  const prose = proseMask(ctx);
  const out: StrayDollar[] = [];
  const dollars = ctx.math.delimiters.includes('dollars');
  const brackets = ctx.math.delimiters.includes('brackets');
  const nextCloser = new NextOccurrence(text);
  for (const block of ctx.plain('gfm').blocks) {
    if (block.kind !== 'inline') continue;
    const singles: number[] = [];
    for (let i = block.start; i < block.end; i++) {
      const c = text[i];
      if (brackets && c === '\\' && (text[i + 1] === '(' || text[i + 1] === '[') && !isEscaped(text, i) && prose.isProse(i)) {
        const closer = text[i + 1] === '(' ? '\\)' : '\\]';
        const at = nextCloser.find(closer, i + 2);
        if ((at < 0 || at >= block.end) && !atLineStart(text, i)) out.push({ kind: 'unclosed', offset: i, opener: `\\${text[i + 1]}` });
        i++;
        continue;
      }
      if (c !== '$' || !dollars || isEscaped(text, i) || !prose.isProse(i)) continue;
      if (text[i + 1] === '$' || text[i - 1] === '$') continue;
      singles.push(i);
    }
    for (let k = 0; k < singles.length; k++) {
      const a = singles[k];
      const b = singles[k + 1];
      if (b === undefined) {
        if (looksLikeOpener(text, a)) out.push({ kind: 'unclosed', offset: a, opener: '$' });
        break;
      }
      const content = text.slice(a + 1, b);
      if (content.trim() === '' || /\n[ \t>]*\n/.test(content)) continue;
      if (/\s/.test(content[0]) || /\s/.test(content[content.length - 1])) {
        if (looksLikeMath(content.trim())) {
          out.push({ kind: 'spaced', open: a, close: b });
          k++;
        }
        continue;
      }
      if (/[0-9]/.test(text[b + 1] ?? '')) {
        out.push({ kind: 'digit-after', open: a, close: b });
        k++;
        continue;
      }
      k++;
    }
  }
  return out.sort((x, y) => ('offset' in x ? x.offset : x.open) - ('offset' in y ? y.offset : y.open));
}

/** Only spaces, tabs and `>` between the line start and `i`. Looks back no further than it must. */
function atLineStart(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0 && text[j] !== '\n'; j--) {
    if (text[j] !== ' ' && text[j] !== '\t' && text[j] !== '>') return false;
  }
  return true;
}

/**
 * `text.indexOf(needle, from)` for calls whose `from` never decreases, remembering each answer:
 * one search per occurrence instead of one per call (linear on a line of a thousand `\(`).
 */
class NextOccurrence {
  readonly #found = new Map<string, number>();
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  find(needle: string, from: number): number {
    let at = this.#found.get(needle);
    if (at === undefined || (at >= 0 && at < from)) {
      at = this.#text.indexOf(needle, from);
      this.#found.set(needle, at);
    }
    return at;
  }
}

/** A `$` followed by what starts a formula, not by a digit (a price) or by space. */
function looksLikeOpener(text: string, i: number): boolean {
  const next = text[i + 1] ?? '';
  const prev = text[i - 1] ?? '';
  if (!/[A-Za-z\\{(^_|]/.test(next) || /[A-Za-z0-9]/.test(prev)) return false;
  return !looksLikeCode(text.slice(i + 1, i + 81));
}

/**
 * What follows a lone `$` in prose about code: a shell variable (`$PATH`, `$HOME_DIR`) or a call
 * (`$(this)`, `$(document).ready`), not the start of a formula.
 */
function looksLikeCode(after: string): boolean {
  return /^[A-Z][A-Z0-9_]+(?![A-Za-z0-9_^{=])/.test(after) || /^\([^()\\^_=]*\)(?=[.\s,;:!?)]|$)/.test(after);
}

/** Content between two dollars that reads as TeX rather than prose or prices. */
function looksLikeMath(s: string): boolean {
  if (s.length > 200 || /^[0-9]/.test(s)) return false;
  if (/\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\b/.test(s.replace(/\\[A-Za-z]+/g, ''))) return false;
  return /[\\^_=+{}]/.test(s) || /^[A-Za-z](?:'|_?[0-9])?$/.test(s);
}
