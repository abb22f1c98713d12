import type { Token, Tokens } from 'marked';
import type { RawAlignment } from './alignRaw';
import { inlineMarks } from './inlineMarks';
import type { PlainMark } from './plainMark';

interface Cell {
  /** Document offsets of the cell text's characters (trimmed, `\|` read as `|`). */
  offsets: number[];
  text: string;
}

/**
 * A GFM table row splits at every `|` not preceded by a backslash (cmark-gfm, i.e. GitHub, does
 * not count backslashes: `\\|` is `\` and an escaped pipe), and `\|` inside a cell loses its
 * backslash; code spans and math protect neither.
 * Returns those pipe marks and the inline marks of each cell, in document offsets. Marked counts
 * backslashes (`\\|` ends its cell), so where its cell differs from GitHub's, the cell's text
 * is lexed again with `lexInline`.
 */
export function tableMarks(doc: string, table: Tokens.Table, align: RawAlignment, lexInline: (src: string) => Token[]): PlainMark[] {
  const out: PlainMark[] = [];
  const rawLines = table.raw.split('\n');
  const cells = [table.header, ...table.rows];
  let rawOffset = 0;
  let row = 0;
  for (let i = 0; i < rawLines.length; i++) {
    const start = align.toDocument(rawOffset);
    rawOffset += rawLines[i].length + 1;
    if (i === 1 || rawLines[i].trim() === '') continue;
    const nl = doc.indexOf('\n', start);
    const line = { start, end: nl < 0 ? doc.length : nl };
    const split = splitRow(doc, line.start, line.end, out);
    const marked = cells[row++] ?? [];
    for (let c = table.header.length; c < split.length; c++) {
      out.push({ kind: 'dropped-cell', offset: split[c].offsets[0], endOffset: split[c].offsets[split[c].offsets.length - 1] });
    }
    for (let c = 0; c < Math.min(split.length, table.header.length); c++) {
      const tokens = split[c].text === marked[c]?.text ? marked[c].tokens : lexInline(split[c].text);
      for (const m of inlineMarks(tokens, split[c].text)) {
        const at = split[c].offsets;
        // `\\|` reads as `\` and `\|`, which becomes `|`: the pipe mark already covers it.
        if (m.kind === 'escape' && split[c].text[m.offset + 1] === '|' && at[m.offset + 1] - at[m.offset] > 1) continue;
        out.push({
          kind: m.kind,
          offset: at[m.offset],
          endOffset: at[m.endOffset - 1] + 1,
          ...(m.partner !== undefined ? { partner: at[m.partner] } : {}),
        });
      }
    }
  }
  return out;
}

function splitRow(doc: string, start: number, end: number, marks: PlainMark[]): Cell[] {
  const bounds: Array<[number, number]> = [];
  let cellStart = start;
  for (let i = start; i < end; i++) {
    if (doc[i] !== '|') continue;
    if (i > start && doc[i - 1] === '\\') {
      marks.push({ kind: 'table-pipe', offset: i - 1, endOffset: i + 1 });
      continue;
    }
    marks.push({ kind: 'table-pipe', offset: i, endOffset: i + 1 });
    bounds.push([cellStart, i]);
    cellStart = i + 1;
  }
  bounds.push([cellStart, end]);
  const blank = ([s, e]: [number, number]) => doc.slice(s, e).trim() === '';
  if (bounds.length && blank(bounds[0])) bounds.shift();
  if (bounds.length && blank(bounds[bounds.length - 1])) bounds.pop();
  return bounds.map(([s, e]) => {
    while (s < e && /\s/.test(doc[s])) s++;
    while (e > s && /\s/.test(doc[e - 1])) e--;
    const offsets: number[] = [];
    let text = '';
    for (let i = s; i < e; i++) {
      if (doc[i] === '\\' && doc[i + 1] === '|') continue;
      offsets.push(i);
      text += doc[i];
    }
    offsets.push(e);
    return { offsets, text };
  });
}
