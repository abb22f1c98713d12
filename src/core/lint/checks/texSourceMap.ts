import type { Formula } from '../../types';

/** Document offsets of the characters of a formula's TeX (which may lack container prefixes such as `> `). */
export interface TexSourceMap {
  /** True when every line of the TeX was found in the document. */
  readonly exact: boolean;
  /** Document offset of the TeX character at `texOffset` (`tex.length` maps just past the last one). */
  toDocument(texOffset: number): number;
}

/** The document range of TeX characters [start, end) when the map is exact, else the whole formula. */
export function documentRange(map: TexSourceMap, formula: Formula, range: readonly [number, number] | undefined): [number, number] {
  return range && map.exact ? [map.toDocument(range[0]), map.toDocument(range[1] - 1) + 1] : [formula.offset, formula.endOffset];
}

/** A replacement of TeX characters [start, end) by `text`, as an edit of the document (for an exact map). */
export function documentEdit(
  map: TexSourceMap,
  start: number,
  end: number,
  text: string,
): { offset: number; length: number; text: string } {
  const offset = map.toDocument(start);
  return { offset, length: map.toDocument(end - 1) + 1 - offset, text };
}

const CONTAINER_PREFIX = /^[ \t>]*$/;

/**
 * Builds the map line by line: the TeX's first line starts at `formula.texOffset` (or is searched
 * for after the opener); each later TeX line is the rest of a later document line after a
 * container prefix made of spaces, tabs and `>`, the shortest such prefix that fits.
 */
export function texSourceMap(text: string, formula: Formula): TexSourceMap {
  const lines = formula.tex.split('\n');
  const starts: number[] = [];
  let at = firstLineStart(text, formula, lines[0]);
  let exact = at >= 0;
  if (at < 0) at = formula.texOffset >= 0 ? formula.texOffset : formula.offset;
  starts.push(at);
  for (let i = 1; i < lines.length; i++) {
    const nl = text.indexOf('\n', starts[i - 1] + lines[i - 1].length);
    if (nl < 0) {
      exact = false;
      break;
    }
    const lineStart = nl + 1;
    const lineEnd = endOfLine(text, lineStart);
    const found = prefixEnd(text.slice(lineStart, lineEnd), lines[i]);
    if (found < 0) exact = false;
    starts.push(lineStart + Math.max(found, 0));
  }
  const texLineStarts: number[] = [];
  let p = 0;
  for (const l of lines) {
    texLineStarts.push(p);
    p += l.length + 1;
  }
  return {
    exact,
    toDocument(texOffset: number): number {
      let i = texLineStarts.length - 1;
      while (i > 0 && texLineStarts[i] > texOffset) i--;
      if (i >= starts.length) return Math.min(formula.endOffset, starts[starts.length - 1]);
      const within = Math.min(texOffset - texLineStarts[i], lines[i].length);
      return Math.min(starts[i] + within, text.length);
    },
  };
}

function firstLineStart(text: string, formula: Formula, first: string): number {
  if (formula.texOffset >= 0 && text.startsWith(first, formula.texOffset)) return formula.texOffset;
  const at = text.indexOf(first, formula.offset);
  return at >= 0 && at < formula.endOffset ? at : -1;
}

function endOfLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl < 0 ? text.length : nl;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

/** Length of the shortest container prefix of `docLine` after which `texLine` follows, or -1. */
function prefixEnd(docLine: string, texLine: string): number {
  if (texLine === '') return /^[ \t>]*/.exec(docLine)![0].length;
  for (let p = 0; p <= docLine.length; p++) {
    if (!CONTAINER_PREFIX.test(docLine.slice(0, p))) return -1;
    if (docLine.startsWith(texLine, p)) return p;
  }
  return -1;
}
