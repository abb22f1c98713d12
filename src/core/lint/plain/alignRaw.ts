/**
 * Where each line of a Marked token's `raw` sits in the document. Marked strips container
 * prefixes (`> `, list indentation) and expands some tabs before lexing nested blocks, so a
 * nested token's raw is not a slice of the document; its lines are, after their leading
 * whitespace, found again after a prefix made of spaces, tabs and `>`.
 */
export interface RawAlignment {
  /** Document offset of the first character of the token. */
  start: number;
  /** Document offset just after the last character of the token. */
  end: number;
  toDocument(rawOffset: number): number;
}

const PREFIX = /^[ \t>]*$/;

export function alignRaw(doc: string, raw: string, from: number, to: number): RawAlignment | undefined {
  const lines = raw.split('\n');
  const rawStarts: number[] = [];
  const leads: number[] = [];
  const docStarts: number[] = [];
  let p = 0;
  for (const l of lines) {
    rawStarts.push(p);
    leads.push(l.length - l.replace(/^[ \t]+/, '').length);
    p += l.length + 1;
  }
  const first = lines.findIndex((l, i) => l.length > leads[i]);
  if (first < 0) return undefined;
  const rest0 = lines[first].slice(leads[first]);
  const at = doc.indexOf(rest0, from);
  if (at < 0 || at + rest0.length > to) return undefined;
  for (let i = 0; i < first; i++) docStarts.push(at);
  docStarts.push(at);
  let lineEnd = at + rest0.length;
  for (let i = first + 1; i < lines.length; i++) {
    const prevNl = doc.indexOf('\n', lineEnd);
    if (prevNl < 0) {
      if (lines.slice(i).every((l) => l === '')) {
        while (docStarts.length < lines.length) docStarts.push(lineEnd);
        break;
      }
      return undefined;
    }
    const lineStart = prevNl + 1;
    const nl = doc.indexOf('\n', lineStart);
    const docLine = doc.slice(lineStart, nl < 0 ? doc.length : nl);
    const rest = lines[i].slice(leads[i]);
    const q = rest === '' ? docLine.length - docLine.replace(/^[ \t>]+/, '').length : findAfterPrefix(docLine, rest);
    if (q < 0 || lineStart + q + rest.length > to) return undefined;
    docStarts.push(lineStart + q);
    lineEnd = rest === '' ? lineStart + docLine.length : lineStart + q + rest.length;
  }
  const lastLine = lines.length - 1;
  const end = docStarts[lastLine] + lines[lastLine].length - leads[lastLine];
  return {
    start: docStarts[first],
    end: Math.max(end, docStarts[first]),
    toDocument(rawOffset: number): number {
      let i = rawStarts.length - 1;
      while (i > 0 && rawStarts[i] > rawOffset) i--;
      return docStarts[i] + Math.max(0, rawOffset - rawStarts[i] - leads[i]);
    },
  };
}

function findAfterPrefix(docLine: string, rest: string): number {
  for (let q = 0; q <= docLine.length - rest.length; q++) {
    if (docLine.startsWith(rest, q)) return q;
    if (!PREFIX.test(docLine.slice(0, q + 1))) return -1;
  }
  return -1;
}
