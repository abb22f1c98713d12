import type { Token, Tokens } from 'marked';
import { entityRefs } from './entityRefs';
import type { MarkKind, PlainMark } from './plainMark';

/**
 * Marks of Marked's inline tokens, as offsets into `src` (the inline source the tokens were lexed
 * from): the characters the renderer turns into markup instead of text.
 */
export function inlineMarks(tokens: readonly Token[], src: string): PlainMark[] {
  const out: PlainMark[] = [];
  walk(tokens, src, 0, src.length, out);
  return out;
}

function walk(tokens: readonly Token[], src: string, from: number, to: number, out: PlainMark[]): number {
  let cursor = from;
  for (const t of tokens) {
    const at = src.startsWith(t.raw, cursor) ? cursor : src.indexOf(t.raw, cursor);
    if (at < 0 || at + t.raw.length > to) continue;
    cursor = at + t.raw.length;
    mark(t, src, at, out);
  }
  return cursor;
}

function push(out: PlainMark[], kind: MarkKind, offset: number, endOffset: number): void {
  if (endOffset > offset) out.push({ kind, offset, endOffset });
}

function pair(out: PlainMark[], kind: MarkKind, open: [number, number], close: [number, number]): void {
  out.push({ kind, offset: open[0], endOffset: open[1], partner: close[0] });
  out.push({ kind, offset: close[0], endOffset: close[1], partner: open[0] });
}

function mark(t: Token, src: string, at: number, out: PlainMark[]): void {
  const end = at + t.raw.length;
  switch (t.type) {
    case 'em':
    case 'strong': {
      const k = t.type === 'em' ? 1 : 2;
      pair(out, 'emphasis', [at, at + k], [end - k, end]);
      walk((t as Tokens.Em).tokens ?? [], src, at + k, end - k, out);
      break;
    }
    case 'del': {
      const open = /^~+/.exec(t.raw)?.[0].length ?? 0;
      const close = /~+$/.exec(t.raw)?.[0].length ?? 0;
      pair(out, 'strikethrough', [at, at + open], [end - close, end]);
      walk((t as Tokens.Del).tokens ?? [], src, at + open, end - close, out);
      break;
    }
    case 'codespan': {
      const n = /^`+/.exec(t.raw)?.[0].length ?? 1;
      pair(out, 'code', [at, at + n], [end - n, end]);
      break;
    }
    case 'link': {
      const raw = t.raw;
      if (!raw.startsWith('[')) {
        push(out, 'autolink', at, end);
        break;
      }
      const textEnd = walk((t as Tokens.Link).tokens ?? [], src, at + 1, end, out);
      const close = raw.indexOf(']', textEnd - at);
      pair(out, 'link', [at, at + 1], [close < 0 ? end - 1 : at + close, end]);
      break;
    }
    case 'image':
      push(out, 'link', at, end);
      break;
    case 'escape':
      push(out, 'escape', at, at + 1);
      break;
    case 'br':
      if (t.raw.startsWith('\\')) push(out, 'hardbreak', at, at + 1);
      break;
    case 'html':
      push(out, 'html', at, end);
      break;
    case 'text':
      if ((t as Tokens.Text).tokens?.length) walk((t as Tokens.Text).tokens ?? [], src, at, end, out);
      else for (const [s, e] of entityRefs(t.raw)) push(out, 'entity', at + s, at + e);
      break;
  }
}
